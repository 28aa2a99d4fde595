using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Byoc.Emulator.Org.Records;

namespace Byoc.Emulator.Tests.Interactions;

public sealed class InteractionValidationTests
{
    private const string User = "user-1";

    public static TheoryData<string, int> BadJsonCases => new()
    {
        { "two-interactions", 10029 },
        { "empty-interactions", 20003 },
        { "no-interactions", 10029 },
        { "missing-to", 10027 },
        { "missing-from", 10028 },
        { "mismatched-ids", 10060 },
        { "empty-message-id", 10059 },
        { "choices-message-from-end-user", 10062 },
        { "unknown-message-type", 10047 },
        { "unknown-format-type", 10048 },
        { "buttons-in-static-content", 10049 },
        { "unknown-entry-type", 10045 },
        { "delivery-failed-without-error-code", 10045 },
        { "delivery-failed-bad-recipient", 10045 },
        { "attachment-without-file", 10011 },
        { "attachment-without-id", 10007 },
        { "attachment-without-content-length", 10010 },
        { "unknown-channel", 10017 },
        { "not-json", 10100 },
    };

    [Theory]
    [MemberData(nameof(BadJsonCases))]
    public async Task PostInteractions_BadJson_DocumentedCodeAndNoRecords(string scenario, int code)
    {
        await using var emulator = await TestEmulator.StartAsync();
        using var client = await ScrtTestClient.CreateAsync(emulator);

        var (status, body) = await client.PostInteractionAsync(BadJson(scenario, client.ChannelAddress), null);

        AssertError(status, body, code);
        AssertNoConversationRecords(emulator);
    }

    [Fact]
    public async Task PostInteractions_TextLongerThanAConversationEntry_400With10045NamingTheLimit()
    {
        await using var emulator = await TestEmulator.StartAsync();
        using var client = await ScrtTestClient.CreateAsync(emulator);

        var (status, body) = await client.PostInteractionAsync(
            ScrtTestClient.TextInteraction(client.ChannelAddress, User, new string('a', 32_001)).ToJsonString(), null);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        AssertError(status, body, 10045);
        Assert.Contains("32001 characters; a conversation entry takes at most 32000", body["message"]!.GetValue<string>(), StringComparison.Ordinal);
        AssertNoConversationRecords(emulator);
    }

    [Fact]
    public async Task PostInteractions_TextAsLongAsAConversationEntry_Accepted()
    {
        await using var emulator = await TestEmulator.StartAsync();
        using var client = await ScrtTestClient.CreateAsync(emulator);

        var (status, body) = await client.PostInteractionAsync(
            ScrtTestClient.TextInteraction(client.ChannelAddress, User, new string('a', 32_000)).ToJsonString(), null);

        Assert.Equal(HttpStatusCode.Accepted, status);
        Assert.False(string.IsNullOrEmpty(body["conversationIdentifier"]?.GetValue<string>()));
    }

    [Fact]
    public async Task PostInteractions_MalformedMultipart_10100()
    {
        await using var emulator = await TestEmulator.StartAsync();
        using var client = await ScrtTestClient.CreateAsync(emulator);
        var content = new StringContent("--abc\r\nContent-Disposition: form-data; name=\"json\"\r\n\r\n{\"to\":", Encoding.UTF8);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse("multipart/form-data; boundary=abc");

        var (status, body) = await client.SendAsync(HttpMethod.Post, "/api/v1/interactions", content);

        AssertError(status, body, 10100);
        AssertNoConversationRecords(emulator);
    }

    [Fact]
    public async Task PostInteractions_JsonBodyInsteadOfMultipart_10100()
    {
        await using var emulator = await TestEmulator.StartAsync();
        using var client = await ScrtTestClient.CreateAsync(emulator);

        var (status, body) = await client.SendJsonAsync(HttpMethod.Post, "/api/v1/interactions",
            ScrtTestClient.TextInteraction(client.ChannelAddress, User, "hi"));

        AssertError(status, body, 10100);
    }

    [Fact]
    public async Task PostInteractions_WrongJsonPartName_10100()
    {
        await using var emulator = await TestEmulator.StartAsync();
        using var client = await ScrtTestClient.CreateAsync(emulator);

        var (status, body) = await client.PostInteractionAsync(
            ScrtTestClient.TextInteraction(client.ChannelAddress, User, "hi").ToJsonString(), null, jsonPartName: "payload");

        AssertError(status, body, 10100);
        AssertNoConversationRecords(emulator);
    }

    [Fact]
    public async Task PostInteractions_FileInWrongPart_10011()
    {
        await using var emulator = await TestEmulator.StartAsync();
        using var client = await ScrtTestClient.CreateAsync(emulator);

        var (status, body) = await client.PostInteractionAsync(Attachment(client.ChannelAddress, 3).ToJsonString(),
            ("file", "a.png", "image/png", [1, 2, 3]));

        AssertError(status, body, 10011);
        AssertNoConversationRecords(emulator);
    }

    [Fact]
    public async Task PostInteractions_SizeMismatch_10051()
    {
        await using var emulator = await TestEmulator.StartAsync();
        using var client = await ScrtTestClient.CreateAsync(emulator);

        var (status, body) = await client.PostInteractionAsync(Attachment(client.ChannelAddress, 10).ToJsonString(),
            ("attachments", "a.png", "image/png", [1, 2, 3]));

        AssertError(status, body, 10051);
        AssertNoConversationRecords(emulator);
    }

    [Fact]
    public async Task PostInteractions_EmptyFile_10009()
    {
        await using var emulator = await TestEmulator.StartAsync();
        using var client = await ScrtTestClient.CreateAsync(emulator);

        var (status, body) = await client.PostInteractionAsync(Attachment(client.ChannelAddress, 0).ToJsonString(),
            ("attachments", "a.png", "image/png", []));

        AssertError(status, body, 10009);
    }

    [Fact]
    public async Task PostInteractions_UnknownMimeType_10095()
    {
        await using var emulator = await TestEmulator.StartAsync();
        using var client = await ScrtTestClient.CreateAsync(emulator);

        var (status, body) = await client.PostInteractionAsync(Attachment(client.ChannelAddress, 3).ToJsonString(),
            ("attachments", "a.exe", "application/octet-stream", [1, 2, 3]));

        AssertError(status, body, 10095);
        AssertNoConversationRecords(emulator);
    }

    [Fact]
    [Trait("Category", "Slow")]
    public async Task PostInteractions_Oversize_10008()
    {
        await using var emulator = await TestEmulator.StartAsync();
        using var client = await ScrtTestClient.CreateAsync(emulator);
        var size = (25 * 1024 * 1024) + 1;

        var (status, body) = await client.PostInteractionAsync(Attachment(client.ChannelAddress, size).ToJsonString(),
            ("attachments", "big.pdf", "application/pdf", new byte[size]));

        AssertError(status, body, 10008);
        AssertNoConversationRecords(emulator);
    }

    [Fact]
    public async Task PostInteractions_DuplicateMessageId_10073()
    {
        await using var emulator = await TestEmulator.StartAsync();
        using var client = await ScrtTestClient.CreateAsync(emulator);
        var id = Guid.NewGuid().ToString();
        await client.PostInteractionAsync(ScrtTestClient.TextInteraction(client.ChannelAddress, User, "once", id));

        var (status, body) = await client.PostInteractionAsync(ScrtTestClient.TextInteraction(client.ChannelAddress, User, "twice", id));

        AssertError(status, body, 10073);
        Assert.Single(emulator.Get<OrgStore>().Records("ConversationEntry"));
    }

    [Theory]
    [InlineData(null, "CompletedAttachmentUploadResult")]
    [InlineData("StorageLimitExceeded", "ErrorAttachmentUploadResult")]
    public async Task PostInteractions_Attachment_StoredAndMessageUpdatedPublished(string? uploadError, string resultType)
    {
        await using var emulator = await TestEmulator.StartAsync(uploadError is null ? [] : [$"--Emulator:Faults:AttachmentUploadError={uploadError}"]);
        using var client = await ScrtTestClient.CreateAsync(emulator);
        byte[] png = [0x89, 0x50, 0x4E, 0x47, 1, 2, 3];
        var json = Attachment(client.ChannelAddress, png.Length);
        var attachmentId = json["interactions"]![0]!["id"]!.GetValue<string>();

        var (status, _) = await client.PostInteractionAsync(json.ToJsonString(), ("attachments", "photo.png", "image/png", png));
        await emulator.Get<Byoc.Emulator.Interactions.InboundDispatcher>().DrainAsync().WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Accepted, status);
        var entries = emulator.Get<OrgStore>().Records("ConversationEntry");
        Assert.Contains(entries, e => e.GetString("EntryType") == "Attachment" && e.GetBoolean("HasAttachments"));
        var updated = Assert.Single(entries, e => e.GetString("EntryType") == "MessageUpdated");
        Assert.NotNull(updated);
        var events = emulator.Get<Byoc.Emulator.Events.EventBus>().ReadAfter("/event/Byoc_Interaction__e", 0, 10);
        var schema = emulator.Get<Byoc.Emulator.Events.EventBus>().FindSchema(events[0].SchemaId)!;
        var payload = PubSub.PubSubTestClient.DecodePayload(schema.Avro, new PubSub.Client.ConsumerEvent
        {
            Event = new PubSub.Client.ProducerEvent { Payload = Google.Protobuf.ByteString.CopyFrom(events[^1].Payload) },
        });
        var message = payload["payload"]!["entryPayload"]!["updatedMessage"]!;
        Assert.Equal(attachmentId, message["id"]!.GetValue<string>());
        var attachment = message["staticContent"]!["attachments"]![0]!;
        Assert.Equal(resultType, attachment["attachmentUploadResult"]!["resultType"]!.GetValue<string>());
        Assert.Equal(uploadError, attachment["attachmentUploadResult"]!["errorType"]?.GetValue<string>());
        using var download = emulator.CreateInstanceClient();
        var bytes = await download.GetByteArrayAsync(new Uri(attachment["url"]!.GetValue<string>()), TestContext.Current.CancellationToken);
        Assert.Equal(png, bytes);
    }

    [Theory]
    [InlineData("token", 10004, HttpStatusCode.Unauthorized)]
    [InlineData("no-token", 10016, HttpStatusCode.BadRequest)]
    [InlineData("org", 10004, HttpStatusCode.Unauthorized)]
    [InlineData("org-malformed", 10016, HttpStatusCode.BadRequest)]
    [InlineData("org-checksum", 10004, HttpStatusCode.Unauthorized)]
    [InlineData("org-case", 10004, HttpStatusCode.Unauthorized)]
    [InlineData("context", 10005, HttpStatusCode.Forbidden)]
    public async Task PostInteractions_BadHeaders_DocumentedCodeAndNoRecords(string header, int code, HttpStatusCode expectedStatus)
    {
        await using var emulator = await TestEmulator.StartAsync();
        using var client = await ScrtTestClient.CreateAsync(emulator);
        switch (header)
        {
            case "token": client.AccessToken = emulator.Org.OrgId15 + "!unknown"; break;
            case "no-token": client.AccessToken = null; break;
            case "org": client.OrgId = "00D000000000001"; break;
            case "org-malformed": client.OrgId = "00D"; break;
            case "org-checksum": client.OrgId = emulator.Org.OrgId15 + (emulator.Org.OrgId18.EndsWith("AAA", StringComparison.Ordinal) ? "BBB" : "AAA"); break;
            case "org-case": client.OrgId = emulator.Org.OrgId15.ToLowerInvariant(); break;
            case "context": client.AuthorizationContext = "Unknown_Definition"; break;
        }

        var (status, body) = await client.PostInteractionAsync(ScrtTestClient.TextInteraction(client.ChannelAddress, User, "hi"));

        Assert.Equal(expectedStatus, status);
        AssertError(status, body, code);
        AssertNoConversationRecords(emulator);
    }

    [Fact]
    public async Task PostInteractions_ExpiredToken_10004()
    {
        await using var emulator = await TestEmulator.StartAsync("--Emulator:SessionTimeout=00:05:00");
        using var client = await ScrtTestClient.CreateAsync(emulator);
        emulator.Time.Advance(TimeSpan.FromMinutes(6));

        var (status, body) = await client.PostInteractionAsync(ScrtTestClient.TextInteraction(client.ChannelAddress, User, "hi"));

        Assert.Equal(HttpStatusCode.Unauthorized, status);
        AssertError(status, body, 10004);
    }

    [Fact]
    public async Task PostInteractions_EighteenCharacterOrgId_Accepted()
    {
        await using var emulator = await TestEmulator.StartAsync();
        using var client = await ScrtTestClient.CreateAsync(emulator);
        client.OrgId = emulator.Org.OrgId18;

        var (status, _) = await client.PostInteractionAsync(ScrtTestClient.TextInteraction(client.ChannelAddress, User, "hi"));

        Assert.Equal(HttpStatusCode.Accepted, status);
    }

    [Fact]
    public async Task PostInteractions_InactiveChannel_10031()
    {
        await using var emulator = await TestEmulator.StartAsync();
        using var client = await ScrtTestClient.CreateAsync(emulator);
        var store = emulator.Get<OrgStore>();
        var channel = store.Lookup("MessagingChannel", "ChannelAddressIdentifier", client.ChannelAddress)[0];
        store.Write(w => w.Update(channel.Id, new Dictionary<string, object?> { ["IsActive"] = false }));

        var (status, body) = await client.PostInteractionAsync(ScrtTestClient.TextInteraction(client.ChannelAddress, User, "hi"));

        AssertError(status, body, 10031);
        AssertNoConversationRecords(emulator);
    }

    internal static void AssertError(HttpStatusCode status, JsonObject body, int code)
    {
        Assert.True((int)status >= 400, $"Expected an error status, got {(int)status}: {body.ToJsonString()}");
        Assert.Equal(code, body["code"]?.GetValue<int>());
        Assert.False(string.IsNullOrEmpty(body["message"]?.GetValue<string>()));
    }

    private static void AssertNoConversationRecords(TestEmulator emulator)
    {
        var store = emulator.Get<OrgStore>();
        foreach (var type in new[] { "Conversation", "MessagingSession", "MessagingEndUser", "ConversationEntry", "ConversationParticipant" })
        {
            Assert.Empty(store.Records(type));
        }
    }

    private static JsonObject Attachment(string to, long contentLength) => ScrtTestClient.Interaction(to, User, new JsonObject
    {
        ["timestamp"] = 1718000000000,
        ["interactionType"] = "AttachmentInteraction",
        ["id"] = Guid.NewGuid().ToString(),
        ["attachmentIndex"] = 0,
        ["contentLength"] = contentLength,
        ["text"] = "my photo",
    });

    private static string BadJson(string scenario, string to)
    {
        var json = ScrtTestClient.TextInteraction(to, User, "hi");
        var interaction = json["interactions"]![0]!.AsObject();
        var payload = interaction["payload"]!.AsObject();
        var message = payload["abstractMessage"]!.AsObject();
        switch (scenario)
        {
            case "two-interactions": json["interactions"]!.AsArray().Add(interaction.DeepClone()); break;
            case "empty-interactions": json["interactions"] = new JsonArray(); break;
            case "no-interactions": json.Remove("interactions"); break;
            case "missing-to": json.Remove("to"); break;
            case "missing-from": json["from"] = ""; break;
            case "mismatched-ids": message["id"] = Guid.NewGuid().ToString(); break;
            case "empty-message-id": message["id"] = ""; break;
            case "choices-message-from-end-user": message["messageType"] = "ChoicesMessage"; break;
            case "unknown-message-type": message["messageType"] = "Nonsense"; break;
            case "unknown-format-type": message["staticContent"]!["formatType"] = "Nonsense"; break;
            case "buttons-in-static-content": message["staticContent"]!["formatType"] = "Buttons"; break;
            case "unknown-entry-type": payload["entryType"] = "Nonsense"; break;
            case "delivery-failed-without-error-code":
            case "delivery-failed-bad-recipient":
                payload.Remove("abstractMessage");
                payload["entryType"] = "MessageDeliveryFailed";
                payload["failedConversationEntryIdentifier"] = Guid.NewGuid().ToString();
                payload["recipient"] = new JsonObject { ["appType"] = "custom", ["subject"] = User, ["role"] = "EndUser" };
                payload["errorCode"] = "X";
                if (scenario == "delivery-failed-without-error-code")
                {
                    payload.Remove("errorCode");
                }
                else
                {
                    payload["recipient"]!["appType"] = "iamessage";
                }

                break;
            case "attachment-without-file": return Attachment(to, 3).ToJsonString();
            case "attachment-without-id":
                var noId = Attachment(to, 3);
                noId["interactions"]![0]!.AsObject().Remove("id");
                return noId.ToJsonString();
            case "attachment-without-content-length":
                var noLength = Attachment(to, 3);
                noLength["interactions"]![0]!.AsObject().Remove("contentLength");
                return noLength.ToJsonString();
            case "unknown-channel": json["to"] = Guid.NewGuid().ToString(); break;
            case "not-json": return "{not json";
        }

        return json.ToJsonString();
    }
}
