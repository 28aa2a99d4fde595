using System.Globalization;
using System.Text;
using Byoc.Connector.Attachments;
using Byoc.Connector.Channels;
using Byoc.Connector.Channels.Sending;
using Byoc.Connector.Channels.Telegram;
using Byoc.Core.Delivery;
using Byoc.Core.Messages;
using Byoc.Core.Storage;
using Byoc.TestUtilities;
using Byoc.TestUtilities.Platforms;
using Byoc.TestUtilities.Platforms.Telegram;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Byoc.Connector.Tests.Channels.Telegram;

/// <summary>The Telegram channel's outbound half against the fake Bot API, with Salesforce's files served from loopback.</summary>
public sealed class TelegramOutboundTests : IAsyncLifetime
{
    private static readonly byte[] s_png = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");

    private static readonly byte[] s_pdf = "%PDF-1.4 today's menu"u8.ToArray();

    private readonly FakeTimeProvider _telegramTime = new(TimeProvider.System.GetUtcNow());
    private LoopbackServer _salesforceFiles = null!;
    private TelegramTestHost _test = null!;
    private TelegramUser _user = null!;

    public async ValueTask InitializeAsync()
    {
        var files = WebApplication.CreateSlimBuilder().Build();
        files.MapGet("/files/photo.png", () => Results.Bytes(s_png, "image/png"));
        files.MapGet("/files/menu.pdf", () => Results.Bytes(s_pdf, "application/pdf"));
        _salesforceFiles = await LoopbackServer.StartAsync(files, Ct);
        // The fake's own flood control runs on a clock the tests move: burst 1, then one message a second per chat.
        var telegram = new FakeTelegramOptions { TimeProvider = _telegramTime, PerChatLimit = new RateLimit(1, 1) };
        _test = await TelegramTestHost.StartAsync(Ct, telegramOptions: telegram, extraArgs: $"--Connector:Salesforce:InstanceUrl={_salesforceFiles.BaseAddress}");
        _user = _test.Telegram.AddUser("Ada");
    }

    public async ValueTask DisposeAsync()
    {
        await _test.DisposeAsync();
        await _salesforceFiles.DisposeAsync();
    }

    [Fact]
    public async Task SendAsync_TextOverTheLimit_SplitIntoMessagesInOrder()
    {
        var first = string.Join(" ", Enumerable.Repeat("alpha", 600));
        var second = string.Join(" ", Enumerable.Repeat("omega", 100));

        var outcome = await SendWithFloodWaitsAsync(Message(OutboundKind.Text, first + "\n\n" + second));

        Assert.True(outcome.IsSuccess, outcome.Error);
        Assert.Equal([first, second], _test.Telegram.SentMessages.Items.Select(m => m.Text));
    }

    [Fact]
    public async Task SendAsync_SecondPartHitsFloodControl_RetryableWithRetryAfterAndRetrySendsOnlyTheRest()
    {
        var rest = string.Join(" ", Enumerable.Repeat("omega", 100));
        var message = Message(OutboundKind.Text, string.Join(" ", Enumerable.Repeat("alpha", 600)) + "\n\n" + rest);

        var throttled = await Outbound.SendAsync(message, Ct);

        Assert.Equal(DeliveryOutcomeKind.Retryable, throttled.Kind);
        Assert.Equal(TimeSpan.FromSeconds(1), throttled.RetryAfter);
        Assert.Contains("Too Many Requests", throttled.Error, StringComparison.Ordinal);
        _telegramTime.Advance(TimeSpan.FromSeconds(1));
        Assert.True((await Outbound.SendAsync(message, Ct)).IsSuccess);
        Assert.Equal(2, _test.Telegram.SentMessages.Count);
        Assert.Equal(rest, _test.Telegram.SentMessages.Items[^1].Text);
    }

    [Fact]
    public async Task SendAsync_ThrottledWithRetryAfter_IsRetryableNoSoonerThanTelegramAsksAndNothingIsSent()
    {
        _test.Telegram.Faults.ThrottleNext(1, TimeSpan.FromSeconds(7), "sendMessage");

        var outcome = await Outbound.SendAsync(Message(OutboundKind.Text, "Your table is booked."), Ct);

        Assert.Equal((DeliveryOutcomeKind.Retryable, TimeSpan.FromSeconds(7)), (outcome.Kind, outcome.RetryAfter));
        Assert.Equal(0, _test.Telegram.SentMessages.Count);
        Assert.True((await Outbound.SendAsync(Message(OutboundKind.Text, "Your table is booked."), Ct)).IsSuccess);
        Assert.Single(_test.Telegram.SentMessages.Items);
    }

    [Fact]
    public async Task SendAsync_ServerError_IsRetryable()
    {
        _test.Telegram.Faults.FailNext(1, 502, "sendMessage");

        var outcome = await Outbound.SendAsync(Message(OutboundKind.Text, "hello"), Ct);

        Assert.Equal(DeliveryOutcomeKind.Retryable, outcome.Kind);
    }

    [Fact]
    public async Task SendAsync_UserBlockedTheBot_PermanentWithTelegramsReason()
    {
        _test.Telegram.BlockBot(_user.Id);

        var outcome = await Outbound.SendAsync(Message(OutboundKind.Text, "hello"), Ct);

        Assert.Equal(DeliveryOutcomeKind.Permanent, outcome.Kind);
        Assert.Contains("Forbidden: bot was blocked by the user (403)", outcome.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendAsync_UnknownChat_PermanentChatNotFound()
    {
        var outcome = await Outbound.SendAsync(Message(OutboundKind.Text, "hello") with { PlatformUserId = "987654321" }, Ct);

        Assert.Equal(DeliveryOutcomeKind.Permanent, outcome.Kind);
        Assert.Contains("chat not found (400)", outcome.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendAsync_Choices_InlineKeyboardOneButtonPerRowWithShortCallbackData()
    {
        var choices = Message(OutboundKind.Choices, "When would you like to come?") with
        {
            Choices = [new ChoiceOption(new string('x', 200), "Tonight 7 pm"), new ChoiceOption("b", "Tomorrow")],
        };

        Assert.True((await Outbound.SendAsync(choices, Ct)).IsSuccess);

        var sent = Assert.Single(_test.Telegram.SentMessages.Items);
        Assert.Equal("When would you like to come?", sent.Text);
        Assert.Equal([["Tonight 7 pm"], ["Tomorrow"]], sent.Buttons.Select(row => row.Select(b => b.Text).ToArray()).ToArray());
        Assert.All(sent.AllButtons, b => Assert.InRange(Encoding.UTF8.GetByteCount(b.CallbackData!), 1, 64));
    }

    [Fact]
    public async Task SendAsync_ParticipantJoined_ShowsTheNotice()
    {
        Assert.True((await Outbound.SendAsync(Message(OutboundKind.ParticipantChanged, null) with { ParticipantJoined = true, SenderDisplayName = "Alex" }, Ct)).IsSuccess);

        Assert.Equal("You are now talking to Alex.", Assert.Single(_test.Telegram.SentMessages.Items).Text);
    }

    [Fact]
    public async Task SendAsync_Files_PhotoAndDocumentUploadedWithCaption()
    {
        var files = Message(OutboundKind.Attachment, "Here is the menu") with
        {
            Attachments =
            [
                new OutboundAttachment("photo.png", "image/png", new Uri(_salesforceFiles.BaseAddress, "/files/photo.png").AbsoluteUri),
                new OutboundAttachment("menu.pdf", "application/pdf", new Uri(_salesforceFiles.BaseAddress, "/files/menu.pdf").AbsoluteUri),
            ],
        };

        var outcome = await SendWithFloodWaitsAsync(files);

        Assert.True(outcome.IsSuccess, outcome.Error);
        var sent = _test.Telegram.SentMessages.Items;
        Assert.Equal(["sendPhoto", "sendDocument"], sent.Select(m => m.Method));
        Assert.Equal(("Here is the menu", "upload"), (sent[0].Text, sent[0].File!.Source));
        Assert.Equal(s_png, sent[0].File!.Content);
        Assert.Equal("menu.pdf", sent[1].File!.FileName);
        Assert.Equal(s_pdf, sent[1].File!.Content);
    }

    [Fact]
    public async Task SendAsync_FileTheConnectorMayNotFetch_NoticeSentAndPermanent()
    {
        var files = Message(OutboundKind.Attachment, null) with
        {
            Attachments = [new OutboundAttachment("secret.pdf", "application/pdf", "http://169.254.169.254/latest/meta-data/")],
        };

        var outcome = await Outbound.SendAsync(files, Ct);

        Assert.Equal(DeliveryOutcomeKind.Permanent, outcome.Kind);
        Assert.Contains("secret.pdf", outcome.Error, StringComparison.Ordinal);
        Assert.Equal("The agent sent secret.pdf, which could not be delivered.", Assert.Single(_test.Telegram.SentMessages.Items).Text);
    }

    [Fact]
    public async Task SendAsync_TypingStarted_RefreshedEveryIntervalUntilStopped()
    {
        var time = new FakeTimeProvider(TimeProvider.System.GetUtcNow());
        var adapter = CreateAdapter(time, out var typing);

        Assert.True((await adapter.SendAsync(Message(OutboundKind.TypingStarted, null), Ct)).IsSuccess);
        await _test.Telegram.ChatActions.WaitForCountAsync(1, a => a.ChatId == _user.Id && a.Action == "typing", Ct).WaitAsync(Timeout, Ct);
        Assert.True(typing.IsTyping(ChatId));
        time.Advance(TimeSpan.FromSeconds(4));
        await _test.Telegram.ChatActions.WaitForCountAsync(2, a => a.ChatId == _user.Id, Ct).WaitAsync(Timeout, Ct);
        time.Advance(TimeSpan.FromSeconds(4));
        await _test.Telegram.ChatActions.WaitForCountAsync(3, a => a.ChatId == _user.Id, Ct).WaitAsync(Timeout, Ct);

        Assert.True((await adapter.SendAsync(Message(OutboundKind.TypingStopped, null), Ct)).IsSuccess);
        Assert.False(typing.IsTyping(ChatId));
        time.Advance(TimeSpan.FromSeconds(20));
        await Task.Delay(100, Ct);
        Assert.Equal(3, _test.Telegram.ChatActions.Count);
        await typing.DisposeAsync();
    }

    [Fact]
    public async Task SendAsync_MessageWhileTyping_StopsTheRefreshAndTheCapEndsIt()
    {
        var time = new FakeTimeProvider(TimeProvider.System.GetUtcNow());
        var adapter = CreateAdapter(time, out var typing, maxTyping: TimeSpan.FromSeconds(10));

        await adapter.SendAsync(Message(OutboundKind.TypingStarted, null), Ct);
        Assert.True(typing.IsTyping(ChatId));
        await adapter.SendAsync(Message(OutboundKind.Text, "Here you go"), Ct);
        Assert.False(typing.IsTyping(ChatId));

        await adapter.SendAsync(Message(OutboundKind.Progress, "Working on it") with { EntryIdentifier = "progress-1" }, Ct);
        Assert.True(typing.IsTyping(ChatId));
        for (var i = 0; i < 3; i++)
        {
            time.Advance(TimeSpan.FromSeconds(4));
            await Task.Delay(50, Ct);
        }

        await WaitFor.ConditionAsync(() => !typing.IsTyping(ChatId));
        Assert.Equal(1, _test.Telegram.SentMessages.Count);
        await typing.DisposeAsync();
    }

    private TelegramOutboundAdapter CreateAdapter(TimeProvider time, out TelegramTyping typing, TimeSpan? maxTyping = null)
    {
        var services = _test.Host.Services;
        var settings = new TelegramEndpointOptions { BotToken = _test.Telegram.Token, ApiBaseUrl = _test.Telegram.BaseAddress, PerChatMessagesPerSecond = 50 };
        var bot = new TelegramBot(TelegramBot.CreateClient(settings.BotToken, settings.ApiBaseUrl, new HttpClient()), "tg", TimeSpan.FromSeconds(10),
            TimeProvider.System, NullLogger.Instance);
        typing = new TelegramTyping(settings.TypingRefreshInterval, maxTyping ?? settings.TypingMaxDuration, time);
        return new TelegramOutboundAdapter(bot, settings, new SendRateLimiter(50, 50, time), typing, new PartProgress(time),
            new TelegramKeyboards(services.GetRequiredService<IChatLogStore>()), services.GetRequiredService<PendingChoices>(),
            services.GetRequiredService<OutboundFileFetcher>(), services.GetRequiredService<AttachmentFiles>(), time);
    }

    /// <summary>Sends, and after a 429 from the fake's flood control moves its clock by the wait and tries again, as the outbox would.</summary>
    private async Task<DeliveryOutcome> SendWithFloodWaitsAsync(OutboundMessage message)
    {
        for (var attempt = 0; ; attempt++)
        {
            var outcome = await Outbound.SendAsync(message, Ct);
            if (outcome.Kind != DeliveryOutcomeKind.Retryable || outcome.RetryAfter is not { } wait || attempt == 10)
            {
                return outcome;
            }

            _telegramTime.Advance(wait);
        }
    }

    private Core.Channels.IOutboundChannelAdapter Outbound => _test.ChannelInstance.Outbound;

    private string ChatId => _user.Id.ToString(CultureInfo.InvariantCulture);

    private OutboundMessage Message(OutboundKind kind, string? text) => new()
    {
        Channel = TelegramTestHost.Channel,
        PlatformUserId = ChatId,
        EntryIdentifier = Guid.NewGuid().ToString(),
        ConversationIdentifier = "conv-1",
        Kind = kind,
        Text = text,
    };

    private static TimeSpan Timeout => TimeSpan.FromSeconds(15);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;
}
