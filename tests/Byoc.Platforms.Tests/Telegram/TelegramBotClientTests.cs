using Byoc.TestUtilities.Platforms.Telegram;
using Telegram.Bot;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Types.Enums;
using Telegram.Bot.Types.ReplyMarkups;

namespace Byoc.Platforms.Tests.Telegram;

/// <summary>The official <c>Telegram.Bot</c> client, unmodified and pointed at the fake by its base URL, against the fake Bot API.</summary>
public sealed class TelegramBotClientTests
{
    private static readonly TimeSpan s_timeout = TimeSpan.FromSeconds(10);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task GetMe_ThroughTelegramBotClient_ReturnsTheFakeBot()
    {
        await using var telegram = await FakeTelegram.StartAsync(cancellationToken: Ct);
        var bot = Client(telegram);

        var me = await bot.GetMe(Ct).WaitAsync(s_timeout, Ct);

        Assert.Equal(telegram.BotId, me.Id);
        Assert.True(me.IsBot);
        Assert.Equal("byoc_test_bot", me.Username);
    }

    [Fact]
    public async Task GetMe_WrongToken_ThrowsApiRequestException401()
    {
        await using var telegram = await FakeTelegram.StartAsync(cancellationToken: Ct);
        var bot = new TelegramBotClient(new TelegramBotClientOptions("7000000001:AAWrongTokenWrongTokenWrongToken00000", telegram.BaseAddress.AbsoluteUri));

        var error = await Assert.ThrowsAsync<ApiRequestException>(() => bot.GetMe(Ct).WaitAsync(s_timeout, Ct));

        Assert.Equal(401, error.ErrorCode);
        Assert.Equal("Unauthorized", error.Message);
    }

    [Fact]
    public async Task SetWebhook_HttpUrlWithoutTheTestOption_IsRefusedLikeTheBotApi()
    {
        await using var telegram = await FakeTelegram.StartAsync(cancellationToken: Ct);

        var error = await Assert.ThrowsAsync<ApiRequestException>(
            () => Client(telegram).SetWebhook("http://127.0.0.1:5000/hook", cancellationToken: Ct).WaitAsync(s_timeout, Ct));

        Assert.Equal(400, error.ErrorCode);
        Assert.Equal("Bad Request: bad webhook: An HTTPS URL must be provided for webhook", error.Message);
    }

    [Fact]
    public async Task SetWebhook_HttpsOnAnUnsupportedPort_IsRefused()
    {
        await using var telegram = await FakeTelegram.StartAsync(cancellationToken: Ct);

        var error = await Assert.ThrowsAsync<ApiRequestException>(
            () => Client(telegram).SetWebhook("https://bot.example.com:9443/hook", cancellationToken: Ct).WaitAsync(s_timeout, Ct));

        Assert.Contains("ports 80, 88, 443 or 8443", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SetWebhook_SecretTokenWithUnallowedCharacters_IsRefused()
    {
        await using var telegram = await FakeTelegram.StartAsync(cancellationToken: Ct);

        var error = await Assert.ThrowsAsync<ApiRequestException>(() => Client(telegram)
            .SetWebhook("https://bot.example.com/hook", secretToken: "has spaces!", cancellationToken: Ct).WaitAsync(s_timeout, Ct));

        Assert.Equal(400, error.ErrorCode);
    }

    [Fact]
    public async Task SetWebhook_ThenGetWebhookInfo_ReportsTheWebhookAndPendingUpdates()
    {
        await using var telegram = await FakeTelegram.StartAsync(new FakeTelegramOptions { AllowInsecureLoopbackWebhooks = true }, Ct);
        var bot = Client(telegram);
        await telegram.SendTextAsync(42, "written before any webhook", Ct);

        await bot.SetWebhook("http://127.0.0.1:9/unreachable", secretToken: "s3cret_token-1", maxConnections: 5,
            allowedUpdates: [UpdateType.Message, UpdateType.CallbackQuery], cancellationToken: Ct).WaitAsync(s_timeout, Ct);
        var info = await bot.GetWebhookInfo(Ct).WaitAsync(s_timeout, Ct);

        Assert.Equal("http://127.0.0.1:9/unreachable", info.Url);
        Assert.Equal(5, info.MaxConnections);
        Assert.Equal([UpdateType.Message, UpdateType.CallbackQuery], info.AllowedUpdates);
        Assert.Equal(1, info.PendingUpdateCount);
        Assert.Equal("s3cret_token-1", telegram.Webhook!.SecretToken);
    }

    [Fact]
    public async Task DeleteWebhook_DropPendingUpdates_ClearsTheQueue()
    {
        await using var telegram = await FakeTelegram.StartAsync(cancellationToken: Ct);
        await telegram.SendTextAsync(42, "hello", Ct);

        await Client(telegram).DeleteWebhook(dropPendingUpdates: true, Ct).WaitAsync(s_timeout, Ct);

        Assert.Equal(0, telegram.PendingUpdateCount);
    }

    [Fact]
    public async Task SendMessage_WithInlineKeyboard_IsRecordedWithItsButtonsAndAnsweredAsAMessage()
    {
        await using var telegram = await FakeTelegram.StartAsync(cancellationToken: Ct);
        var user = telegram.AddUser("Ada", "ada");
        var keyboard = new InlineKeyboardMarkup([
            [InlineKeyboardButton.WithCallbackData("Yes", "answer:yes"), InlineKeyboardButton.WithCallbackData("No", "answer:no")],
            [InlineKeyboardButton.WithUrl("Help", "https://example.com/help")],
        ]);

        var sent = await Client(telegram).SendMessage(user.Id, "Shall I book it?", replyMarkup: keyboard, cancellationToken: Ct)
            .WaitAsync(s_timeout, Ct);
        var recorded = await telegram.WaitForMessageAsync(user.Id, cancellationToken: Ct).WaitAsync(s_timeout, Ct);

        Assert.Equal("Shall I book it?", sent.Text);
        Assert.Equal(user.Id, sent.Chat.Id);
        Assert.Equal(telegram.BotId, sent.From!.Id);
        Assert.Equal("answer:no", sent.ReplyMarkup!.InlineKeyboard.First().Last().CallbackData);
        Assert.Equal(sent.MessageId, recorded.MessageId);
        Assert.Equal(["answer:yes", "answer:no", null], recorded.AllButtons.Select(button => button.CallbackData));
        Assert.Equal("https://example.com/help", recorded.Buttons[1][0].Url);
    }

    [Fact]
    public async Task SendMessage_UnknownChat_ThrowsChatNotFound()
    {
        await using var telegram = await FakeTelegram.StartAsync(cancellationToken: Ct);

        var error = await Assert.ThrowsAsync<ApiRequestException>(
            () => Client(telegram).SendMessage(123456, "hi", cancellationToken: Ct).WaitAsync(s_timeout, Ct));

        Assert.Equal(400, error.ErrorCode);
        Assert.Equal("Bad Request: chat not found", error.Message);
        Assert.Equal(0, telegram.SentMessages.Count);
    }

    [Fact]
    public async Task SendMessage_TextOverTheLimit_ThrowsMessageIsTooLong()
    {
        await using var telegram = await FakeTelegram.StartAsync(cancellationToken: Ct);
        var user = telegram.AddUser("Ada");
        var bot = Client(telegram);

        await bot.SendMessage(user.Id, new string('a', 4096), cancellationToken: Ct).WaitAsync(s_timeout, Ct);
        var error = await Assert.ThrowsAsync<ApiRequestException>(
            () => bot.SendMessage(user.Id, new string('a', 4097), cancellationToken: Ct).WaitAsync(s_timeout, Ct));

        Assert.Equal("Bad Request: message is too long", error.Message);
    }

    [Fact]
    public async Task SendMessage_HtmlMarkup_CountsOnlyTheVisibleText()
    {
        await using var telegram = await FakeTelegram.StartAsync(cancellationToken: Ct);
        var user = telegram.AddUser("Ada");

        var sent = await Client(telegram).SendMessage(user.Id, "<b>" + new string('a', 4096) + "</b>", ParseMode.Html, cancellationToken: Ct)
            .WaitAsync(s_timeout, Ct);

        Assert.NotEqual(0, sent.MessageId);
    }

    [Fact]
    public async Task SendMessage_CallbackDataOver64Bytes_ThrowsButtonDataInvalid()
    {
        await using var telegram = await FakeTelegram.StartAsync(cancellationToken: Ct);
        var user = telegram.AddUser("Ada");
        var keyboard = new InlineKeyboardMarkup(InlineKeyboardButton.WithCallbackData("Too long", new string('é', 33)));

        var error = await Assert.ThrowsAsync<ApiRequestException>(
            () => Client(telegram).SendMessage(user.Id, "pick", replyMarkup: keyboard, cancellationToken: Ct).WaitAsync(s_timeout, Ct));

        Assert.Equal("Bad Request: BUTTON_DATA_INVALID", error.Message);
    }

    [Fact]
    public async Task SendMessage_BotBlockedByTheUser_ThrowsForbidden()
    {
        await using var telegram = await FakeTelegram.StartAsync(cancellationToken: Ct);
        var user = telegram.AddUser("Ada");
        telegram.BlockBot(user.Id);

        var error = await Assert.ThrowsAsync<ApiRequestException>(
            () => Client(telegram).SendMessage(user.Id, "hi", cancellationToken: Ct).WaitAsync(s_timeout, Ct));

        Assert.Equal(403, error.ErrorCode);
        Assert.Equal("Forbidden: bot was blocked by the user", error.Message);
    }

    [Fact]
    public async Task SendMessage_OverThePerChatLimit_Answers429WithRetryAfterUntilTheClockMoves()
    {
        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(DateTimeOffset.Parse("2026-03-01T10:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
        await using var telegram = await FakeTelegram.StartAsync(new FakeTelegramOptions { TimeProvider = clock, PerChatLimit = new(1, 2) }, Ct);
        var user = telegram.AddUser("Ada");
        var bot = Client(telegram);
        await bot.SendMessage(user.Id, "one", cancellationToken: Ct).WaitAsync(s_timeout, Ct);
        await bot.SendMessage(user.Id, "two", cancellationToken: Ct).WaitAsync(s_timeout, Ct);

        var error = await Assert.ThrowsAsync<ApiRequestException>(
            () => bot.SendMessage(user.Id, "three", cancellationToken: Ct).WaitAsync(s_timeout, Ct));
        clock.Advance(TimeSpan.FromSeconds(1));
        await bot.SendMessage(user.Id, "three again", cancellationToken: Ct).WaitAsync(s_timeout, Ct);

        Assert.Equal(429, error.ErrorCode);
        Assert.Equal(1, error.Parameters?.RetryAfter);
        Assert.Equal("Too Many Requests: retry after 1", error.Message);
        Assert.Equal(["one", "two", "three again"], telegram.SentMessages.Items.Select(message => message.Text));
    }

    [Fact]
    public async Task Faults_ThrottleAndServerError_ParseAsTelegramBotErrors()
    {
        await using var telegram = await FakeTelegram.StartAsync(cancellationToken: Ct);
        var user = telegram.AddUser("Ada");
        var bot = Client(telegram);
        telegram.Faults.ThrottleNext(1, TimeSpan.FromSeconds(7), "sendMessage");
        telegram.Faults.FailNext(1, 502, "sendMessage");

        var throttled = await Assert.ThrowsAsync<ApiRequestException>(() => bot.SendMessage(user.Id, "a", cancellationToken: Ct).WaitAsync(s_timeout, Ct));
        var failed = await Assert.ThrowsAsync<ApiRequestException>(() => bot.SendMessage(user.Id, "b", cancellationToken: Ct).WaitAsync(s_timeout, Ct));
        var sent = await bot.SendMessage(user.Id, "c", cancellationToken: Ct).WaitAsync(s_timeout, Ct);

        Assert.Equal(7, throttled.Parameters?.RetryAfter);
        Assert.Equal(502, failed.ErrorCode);
        Assert.Equal("c", sent.Text);
        Assert.Single(telegram.SentMessages.Items);
    }

    [Fact]
    public async Task SendChatAction_Typing_IsRecorded()
    {
        await using var telegram = await FakeTelegram.StartAsync(cancellationToken: Ct);
        var user = telegram.AddUser("Ada");

        await Client(telegram).SendChatAction(user.Id, ChatAction.Typing, cancellationToken: Ct).WaitAsync(s_timeout, Ct);
        var action = await telegram.WaitForChatActionAsync(user.Id, cancellationToken: Ct).WaitAsync(s_timeout, Ct);

        Assert.Equal("typing", action.Action);
    }

    [Fact]
    public async Task AnswerCallbackQuery_ForATap_IsRecordedAndASecondAnswerIsRefused()
    {
        await using var telegram = await FakeTelegram.StartAsync(cancellationToken: Ct);
        var user = telegram.AddUser("Ada");
        var bot = Client(telegram);
        await bot.SendMessage(user.Id, "pick", replyMarkup: new InlineKeyboardMarkup(InlineKeyboardButton.WithCallbackData("Yes", "yes")),
            cancellationToken: Ct).WaitAsync(s_timeout, Ct);
        var tap = await telegram.PressButtonAsync(user.Id, "yes", cancellationToken: Ct);

        await bot.AnswerCallbackQuery(tap.CallbackQueryId!, "Noted", cancellationToken: Ct).WaitAsync(s_timeout, Ct);
        var again = await Assert.ThrowsAsync<ApiRequestException>(
            () => bot.AnswerCallbackQuery(tap.CallbackQueryId!, cancellationToken: Ct).WaitAsync(s_timeout, Ct));
        var answer = await telegram.WaitForCallbackAnswerAsync(tap.CallbackQueryId!, Ct).WaitAsync(s_timeout, Ct);

        Assert.Equal("Noted", answer.Text);
        Assert.StartsWith("Bad Request: query is too old", again.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PressButton_NoSuchButton_Throws()
    {
        await using var telegram = await FakeTelegram.StartAsync(cancellationToken: Ct);
        var user = telegram.AddUser("Ada");

        await Assert.ThrowsAsync<InvalidOperationException>(() => telegram.PressButtonAsync(user.Id, "never-sent", cancellationToken: Ct));
    }

    [Fact]
    public async Task EditMessageReplyMarkup_RemovingTheButtons_IsRecorded()
    {
        await using var telegram = await FakeTelegram.StartAsync(cancellationToken: Ct);
        var user = telegram.AddUser("Ada");
        var bot = Client(telegram);
        var sent = await bot.SendMessage(user.Id, "pick", replyMarkup: new InlineKeyboardMarkup(InlineKeyboardButton.WithCallbackData("Yes", "yes")),
            cancellationToken: Ct).WaitAsync(s_timeout, Ct);

        await bot.EditMessageReplyMarkup(user.Id, sent.MessageId, replyMarkup: null, cancellationToken: Ct).WaitAsync(s_timeout, Ct);

        var edit = await telegram.WaitForMessageAsync(user.Id, message => message.Method == "editMessageReplyMarkup", Ct).WaitAsync(s_timeout, Ct);
        Assert.Empty(edit.AllButtons);
        Assert.Equal(sent.MessageId, edit.MessageId);
    }

    private static TelegramBotClient Client(FakeTelegram telegram) => TelegramClients.For(telegram);
}
