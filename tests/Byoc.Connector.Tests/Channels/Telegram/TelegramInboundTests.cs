using System.Net;
using System.Net.Http.Json;
using Byoc.Core.Messages;
using Byoc.TestUtilities;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;

namespace Byoc.Connector.Tests.Channels.Telegram;

/// <summary>The Telegram channel's inbound half through real Kestrel, fed by the fake Bot API's webhook sender or by hand.</summary>
public sealed class TelegramInboundTests : IAsyncLifetime
{
    private static readonly byte[] s_png = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");

    private TelegramTestHost _test = null!;
    private HttpClient _client = null!;

    public async ValueTask InitializeAsync()
    {
        _test = await TelegramTestHost.StartAsync(Ct, extraArgs: "--Connector:Attachments:MaxInboundBytes=2048");
        _client = _test.Host.Connector.CreateClient();
    }

    public async ValueTask DisposeAsync()
    {
        _client.Dispose();
        await _test.DisposeAsync();
    }

    public static TheoryData<string, int, string> BadRequests => new()
    {
        { "missing-secret", 401, "X-Telegram-Bot-Api-Secret-Token header is missing" },
        { "wrong-secret", 401, "does not match the channel's secret token" },
        { "malformed-json", 400, "not a Telegram update" },
        { "no-update-id", 400, "no 'update_id'" },
        { "oversize-body", 413, "exceeds the channel's limit of 4096 bytes" },
        { "wrong-content-type", 415, "Expected Content-Type application/json" },
        { "oversize-declared-file", 413, "up to 20 MB" },
        { "unknown-channel", 404, "No channel named 'nope'" },
    };

    [Theory]
    [MemberData(nameof(BadRequests))]
    public async Task Post_BadInput_ReturnsProblemAndStoresNothing(string scenario, int status, string detail)
    {
        const string TextUpdate = """{"update_id":1,"message":{"message_id":1,"date":1,"chat":{"id":7,"type":"private"},"text":"hi"}}""";
        using var request = scenario switch
        {
            "missing-secret" => TelegramTestHost.Update(TextUpdate, secret: null),
            "wrong-secret" => TelegramTestHost.Update(TextUpdate, secret: "another_secret"),
            "malformed-json" => TelegramTestHost.Update("{\"update_id\":"),
            "no-update-id" => TelegramTestHost.Update("""{"message":{"message_id":1,"chat":{"id":7,"type":"private"},"text":"hi"}}"""),
            "oversize-body" => TelegramTestHost.Update(TextUpdate.Replace("\"hi\"", $"\"{new string('x', 5000)}\"", StringComparison.Ordinal)),
            "wrong-content-type" => TelegramTestHost.Update(TextUpdate, contentType: "text/plain"),
            "oversize-declared-file" => TelegramTestHost.Update(
                """{"update_id":1,"message":{"message_id":1,"date":1,"chat":{"id":7,"type":"private"},"video":{"file_id":"v","file_size":52428800}}}"""),
            _ => TelegramTestHost.Update(TextUpdate, channel: "nope"),
        };

        using var response = await _client.SendAsync(request, Ct);

        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<ProblemDetails>(Ct);
        Assert.Contains(detail, problem?.Detail, StringComparison.Ordinal);
        Assert.Equal(0, await _test.Host.CountRowsAsync("inbox"));
    }

    [Fact]
    public async Task Webhook_TextFromTelegram_StoredOnceAndForwardedAsTheChat()
    {
        var user = _test.Telegram.AddUser("Ada");
        var update = await _test.Telegram.SendTextAsync(user.Id, "Hello, can I book a table?", Ct);
        await _test.Telegram.WaitForDeliveryAsync(update, Ct).WaitAsync(Timeout, Ct);

        using var replay = await _client.SendAsync(TelegramTestHost.Update(update.Json), Ct);

        Assert.Equal(HttpStatusCode.OK, replay.StatusCode);
        Assert.Equal(1, await _test.Host.CountRowsAsync("inbox"));
        await WaitFor.ConditionAsync(() => _test.Host.Scrt.Requests.Any(r => r.Path == "/api/v1/interactions"));
        var forwarded = Assert.Single(_test.Host.Scrt.Requests, r => r.Path == "/api/v1/interactions");
        Assert.Contains("Hello, can I book a table?", forwarded.BodyText, StringComparison.Ordinal);
        Assert.Contains($"\"tg:{user.Id}\"", forwarded.BodyText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Webhook_UpdateTheChannelIgnores_Answers200AndStoresNothing()
    {
        using var response = await _client.SendAsync(TelegramTestHost.Update(
            """{"update_id":5,"edited_message":{"message_id":1,"date":1,"edit_date":2,"chat":{"id":7,"type":"private"},"text":"edited"}}"""), Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(0, await _test.Host.CountRowsAsync("inbox"));
    }

    [Fact]
    public async Task Webhook_Photo_DownloadedWithCaptionAndStoredOnce()
    {
        var user = _test.Telegram.AddUser("Ada");
        var update = await _test.Telegram.SendPhotoAsync(user.Id, s_png, "my receipt", Ct);
        await _test.Telegram.WaitForDeliveryAsync(update, Ct).WaitAsync(Timeout, Ct);

        using var replay = await _client.SendAsync(TelegramTestHost.Update(update.Json), Ct);
        Assert.Equal(HttpStatusCode.OK, replay.StatusCode);

        var message = Assert.Single(await InboxAsync());
        Assert.Equal((InboundKind.Attachment, "my receipt", "image/jpeg"), (message.Kind, message.Text, message.Attachment?.MimeType));
        var stored = Path.Combine(_test.Host.AttachmentDirectory, message.Attachment!.FileId + ".bin");
        Assert.Equal(s_png, await File.ReadAllBytesAsync(stored, Ct));
        Assert.Single(Directory.GetFiles(_test.Host.AttachmentDirectory, "*.bin"));
    }

    [Fact]
    public async Task Webhook_GetFileFailsOnce_RefusedForTelegramToRetryAndItsRetryIsStoredOnce()
    {
        var user = _test.Telegram.AddUser("Ada");
        _test.Telegram.Faults.FailNext(1, 500, "getFile");
        var update = await _test.Telegram.SendPhotoAsync(user.Id, s_png, "my receipt", Ct);

        var delivered = await _test.Telegram.WaitForDeliveryAsync(update, Ct).WaitAsync(Timeout, Ct);

        var id = update.UpdateId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal([502, 200], _test.Telegram.WebhookAttempts.Items.Where(a => a.Id == id).Select(a => a.StatusCode));
        Assert.Equal(2, delivered.Attempt);
        var message = Assert.Single(await InboxAsync());
        Assert.Equal((InboundKind.Attachment, "my receipt"), (message.Kind, message.Text));
        Assert.Single(Directory.GetFiles(_test.Host.AttachmentDirectory, "*.bin"));
    }

    [Fact]
    public async Task Webhook_FileLargerThanTheConnectorTakes_IsRefused413AndNothingStored()
    {
        var user = _test.Telegram.AddUser("Ada");
        var update = await _test.Telegram.SendDocumentAsync(user.Id, "big.pdf", "application/pdf", new byte[4096], cancellationToken: Ct);

        var attempt = await _test.Telegram.WebhookAttempts.WaitForAsync(a => a.Id == update.UpdateId.ToString(System.Globalization.CultureInfo.InvariantCulture), Ct)
            .WaitAsync(Timeout, Ct);

        Assert.Equal(413, attempt.StatusCode);
        Assert.Equal(0, await _test.Host.CountRowsAsync("inbox"));
    }

    [Fact]
    public async Task Webhook_FileOfATypeSalesforceRefuses_IsRefused415()
    {
        using var response = await _client.SendAsync(TelegramTestHost.Update(
            """{"update_id":1,"message":{"message_id":1,"date":1,"chat":{"id":7,"type":"private"},"document":{"file_id":"x","file_name":"notes.txt","mime_type":"text/plain"}}}"""), Ct);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Contains("Files of type 'text/plain' cannot be sent", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Equal(0, await _test.Host.CountRowsAsync("inbox"));
    }

    [Fact]
    public async Task Webhook_TapOnOfferedKeyboard_BecomesChoiceResponseAndIsAnswered()
    {
        var user = _test.Telegram.AddUser("Ada");
        var choices = Choices(user.Id, "entry-with-a-long-identifier-" + new string('x', 100), ("slot-" + new string('a', 80), "Tonight 7 pm"), ("slot-2", "Tomorrow"));
        Assert.True((await _test.ChannelInstance.Outbound.SendAsync(choices, Ct)).IsSuccess);
        var keyboard = await _test.Telegram.WaitForMessageAsync(user.Id, m => m.Buttons.Count > 0, Ct).WaitAsync(Timeout, Ct);
        _test.Telegram.Faults.FailNext(1, 500, "answerCallbackQuery");

        var tap = await _test.Telegram.PressButtonAsync(user.Id, keyboard.AllButtons.First().CallbackData!, cancellationToken: Ct);
        await _test.Telegram.WaitForDeliveryAsync(tap, Ct).WaitAsync(Timeout, Ct);
        using var replay = await _client.SendAsync(TelegramTestHost.Update(tap.Json), Ct);

        Assert.Equal(HttpStatusCode.OK, replay.StatusCode);
        var response = Assert.Single(await InboxAsync());
        Assert.Equal((InboundKind.ChoiceResponse, choices.Choices[0].Identifier, choices.EntryIdentifier, "Tonight 7 pm"),
            (response.Kind, response.ChoiceOptionIdentifier, response.InReplyToEntryIdentifier, response.Text));
        // The first answer failed at Telegram; the replayed tap is answered again.
        await _test.Telegram.WaitForCallbackAnswerAsync(tap.CallbackQueryId!, Ct).WaitAsync(Timeout, Ct);
    }

    [Fact]
    public async Task Webhook_TapOnUnknownKeyboard_AnsweredAsStaleAndStoresNothing()
    {
        using var response = await _client.SendAsync(TelegramTestHost.Update(
            """{"update_id":1,"callback_query":{"id":"q1","from":{"id":7,"is_bot":false,"first_name":"A"},"message":{"message_id":3,"date":1,"chat":{"id":7,"type":"private"}},"data":"0123456789abcdef:0"}}"""), Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(0, await _test.Host.CountRowsAsync("inbox"));
    }

    [Fact]
    public async Task Webhook_TypedNumberAfterNumberedChoices_IsThePick()
    {
        var user = _test.Telegram.AddUser("Ada");
        var many = Choices(user.Id, "entry-many", [.. Enumerable.Range(1, 12).Select(i => ($"o{i}", $"Option {i}"))]);
        Assert.True((await _test.ChannelInstance.Outbound.SendAsync(many, Ct)).IsSuccess);
        var numbered = await _test.Telegram.WaitForMessageAsync(user.Id, cancellationToken: Ct).WaitAsync(Timeout, Ct);
        Assert.Empty(numbered.Buttons);
        Assert.Contains("12. Option 12", numbered.Text, StringComparison.Ordinal);

        var typed = await _test.Telegram.SendTextAsync(user.Id, "3", Ct);
        await _test.Telegram.WaitForDeliveryAsync(typed, Ct).WaitAsync(Timeout, Ct);

        var response = Assert.Single(await InboxAsync());
        Assert.Equal((InboundKind.ChoiceResponse, "o3", "entry-many"), (response.Kind, response.ChoiceOptionIdentifier, response.InReplyToEntryIdentifier));
    }

    [Fact]
    public async Task Webhook_TypedPickReplayedAfterNewChoices_LeavesTheNewChoicesOpen()
    {
        var user = _test.Telegram.AddUser("Ada");
        Assert.True((await _test.ChannelInstance.Outbound.SendAsync(Choices(user.Id, "entry-day", [.. Options("day", 12)]), Ct)).IsSuccess);
        var typed = await _test.Telegram.SendTextAsync(user.Id, "3", Ct);
        await _test.Telegram.WaitForDeliveryAsync(typed, Ct).WaitAsync(Timeout, Ct);
        Assert.True((await _test.ChannelInstance.Outbound.SendAsync(Choices(user.Id, "entry-time", [.. Options("time", 12)]), Ct)).IsSuccess);

        using var replay = await _client.SendAsync(TelegramTestHost.Update(typed.Json), Ct);
        var next = await _test.Telegram.SendTextAsync(user.Id, "5", Ct);
        await _test.Telegram.WaitForDeliveryAsync(next, Ct).WaitAsync(Timeout, Ct);

        Assert.Equal(HttpStatusCode.OK, replay.StatusCode);
        Assert.Equal(
            [(InboundKind.ChoiceResponse, "day3", "entry-day"), (InboundKind.ChoiceResponse, "time5", "entry-time")],
            (await InboxAsync()).Select(m => (m.Kind, m.ChoiceOptionIdentifier, m.InReplyToEntryIdentifier)));
    }

    private static IEnumerable<(string Id, string Title)> Options(string prefix, int count) =>
        Enumerable.Range(1, count).Select(i => ($"{prefix}{i}", $"Option {i}"));

    private static OutboundMessage Choices(long chatId, string entry, params (string Id, string Title)[] options) => new()
    {
        Channel = TelegramTestHost.Channel,
        PlatformUserId = chatId.ToString(System.Globalization.CultureInfo.InvariantCulture),
        EntryIdentifier = entry,
        ConversationIdentifier = "conv-1",
        Kind = OutboundKind.Choices,
        Text = "When would you like to come?",
        Choices = [.. options.Select(o => new ChoiceOption(o.Id, o.Title))],
    };

    private async Task<IReadOnlyList<InboundMessage>> InboxAsync()
    {
        var database = _test.Host.Services.GetRequiredService<Byoc.Storage.Sqlite.SqliteDatabase>();
        await using var connection = await database.OpenAsync(Ct);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT payload FROM inbox ORDER BY id";
        var messages = new List<InboundMessage>();
        await using var reader = await command.ExecuteReaderAsync(Ct);
        while (await reader.ReadAsync(Ct))
        {
            messages.Add(Byoc.Connector.Pipeline.PipelineJson.Deserialize<InboundMessage>(reader.GetString(0)));
        }

        return messages;
    }

    private static TimeSpan Timeout => TimeSpan.FromSeconds(15);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;
}
