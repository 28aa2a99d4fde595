using System.Text;
using System.Text.Json;
using Byoc.TestUtilities.Platforms.Telegram;
using Microsoft.Extensions.Time.Testing;
using Telegram.Bot;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;
using Telegram.Bot.Types.ReplyMarkups;

namespace Byoc.Platforms.Tests.Telegram;

/// <summary>The fake's webhook updates, read back with <c>Telegram.Bot</c>'s own <see cref="Update"/> type.</summary>
public sealed class TelegramWebhookTests
{
    private const string Secret = "s3cret_Token-1";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task SendTextAsync_Webhook_DeserialisesAsATelegramBotUpdateWithTheSecretHeader()
    {
        await using var receiver = await WebhookReceiver.StartAsync(Ct);
        await using var telegram = await StartAsync(receiver);
        var user = telegram.AddUser("Ada", "ada_l", "en");

        var sent = await telegram.SendTextAsync(user.Id, "hello bot", Ct);

        var request = await receiver.NextAsync(Ct);
        Assert.Equal(Secret, request.Headers["X-Telegram-Bot-Api-Secret-Token"]);
        Assert.StartsWith("application/json", request.ContentType, StringComparison.Ordinal);
        var update = Deserialise(request);
        Assert.Equal(sent.UpdateId, update.Id);
        Assert.Equal(UpdateType.Message, update.Type);
        Assert.Equal("hello bot", update.Message!.Text);
        Assert.Equal(user.Id, update.Message.Chat.Id);
        Assert.Equal(ChatType.Private, update.Message.Chat.Type);
        Assert.Equal("ada_l", update.Message.From!.Username);
        Assert.Equal("en", update.Message.From.LanguageCode);
    }

    [Fact]
    public async Task PhotoDocumentAndTap_Webhooks_DeserialiseWithIncreasingUpdateIds()
    {
        await using var receiver = await WebhookReceiver.StartAsync(Ct);
        await using var telegram = await StartAsync(receiver);
        var user = telegram.AddUser("Ada");
        var bot = new TelegramBotClient(new TelegramBotClientOptions(telegram.Token, telegram.BaseAddress.AbsoluteUri));
        await bot.SendMessage(user.Id, "pick", replyMarkup: new InlineKeyboardMarkup(
            InlineKeyboardButton.WithCallbackData("Yes", "yes")), cancellationToken: Ct).WaitAsync(TimeSpan.FromSeconds(10), Ct);

        await telegram.SendPhotoAsync(user.Id, TestImages.Png, "a photo", Ct);
        await telegram.SendDocumentAsync(user.Id, "notes.txt", "text/plain", Encoding.UTF8.GetBytes("notes"), cancellationToken: Ct);
        await telegram.PressButtonAsync(user.Id, "yes", cancellationToken: Ct);

        var photo = Deserialise(await receiver.NextAsync(Ct));
        var document = Deserialise(await receiver.NextAsync(Ct));
        var tap = Deserialise(await receiver.NextAsync(Ct));
        Assert.Equal([photo.Id + 1, photo.Id + 2], [document.Id, tap.Id]);
        Assert.Equal("a photo", photo.Message!.Caption);
        Assert.NotEmpty(photo.Message.Photo!);
        Assert.Equal("notes.txt", document.Message!.Document!.FileName);
        Assert.Equal("text/plain", document.Message.Document.MimeType);
        Assert.Equal(UpdateType.CallbackQuery, tap.Type);
        Assert.Equal("yes", tap.CallbackQuery!.Data);
        Assert.Equal(user.Id, tap.CallbackQuery.From.Id);
        Assert.Equal("pick", tap.CallbackQuery.Message!.Text);
    }

    [Fact]
    public async Task Webhook_Answering500_IsRetriedAfterTheBackoffAndTheNextUpdateWaits()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.Parse("2026-01-05T10:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
        await using var receiver = await WebhookReceiver.StartAsync(Ct);
        receiver.RespondWith(500);
        await using var telegram = await StartAsync(receiver, clock);
        var user = telegram.AddUser("Ada");

        var first = await telegram.SendTextAsync(user.Id, "one", Ct);
        var second = await telegram.SendTextAsync(user.Id, "two", Ct);
        var failed = await telegram.WebhookAttempts.WaitForAsync(attempt => attempt.StatusCode == 500, Ct).WaitAsync(TimeSpan.FromSeconds(10), Ct);
        Assert.Equal(first.UpdateId, Deserialise(await receiver.NextAsync(Ct)).Id);
        Assert.False(receiver.TryTake(out _));

        clock.Advance(TimeSpan.FromSeconds(1));

        var retried = Deserialise(await receiver.NextAsync(Ct));
        var next = Deserialise(await receiver.NextAsync(Ct));
        Assert.Equal([first.UpdateId, second.UpdateId], [retried.Id, next.Id]);
        var delivered = await telegram.WaitForDeliveryAsync(first, Ct).WaitAsync(TimeSpan.FromSeconds(10), Ct);
        Assert.Equal(1, failed.Attempt);
        Assert.Equal(2, delivered.Attempt);
    }

    private static async Task<FakeTelegram> StartAsync(WebhookReceiver receiver, TimeProvider? clock = null)
    {
        var telegram = await FakeTelegram.StartAsync(new FakeTelegramOptions
        {
            AllowInsecureLoopbackWebhooks = true,
            TimeProvider = clock ?? TimeProvider.System,
        }, Ct);
        await telegram.SetWebhookAsync(receiver.Url, Secret, Ct);
        return telegram;
    }

    private static Update Deserialise(ReceivedRequest request) =>
        JsonSerializer.Deserialize<Update>(request.Body, JsonBotAPI.Options)
            ?? throw new InvalidOperationException("The webhook body was JSON null.");
}
