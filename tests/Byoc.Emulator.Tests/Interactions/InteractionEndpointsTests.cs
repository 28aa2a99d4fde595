using System.Net;
using System.Text.Json.Nodes;
using Byoc.Emulator.Interactions;
using Byoc.Emulator.Org.Records;

namespace Byoc.Emulator.Tests.Interactions;

public sealed class InteractionEndpointsTests
{
    [Fact]
    public async Task PostInteractions_FirstMessage_CreatesConversationRecordsAndAccepts()
    {
        await using var emulator = await TestEmulator.StartAsync();
        using var client = await ScrtTestClient.CreateAsync(emulator);
        var id = Guid.NewGuid().ToString();

        var (status, body) = await client.PostInteractionAsync(ScrtTestClient.TextInteraction(client.ChannelAddress, "user-1", "Hi there", id));

        Assert.Equal(HttpStatusCode.Accepted, status);
        Assert.True(body["success"]!.GetValue<bool>());
        Assert.Equal(id, body["id"]!.GetValue<string>());
        var store = emulator.Get<OrgStore>();
        var conversation = Assert.Single(store.Records("Conversation"));
        Assert.Equal(conversation.GetString("ConversationIdentifier"), body["conversationIdentifier"]!.GetValue<string>());
        var session = Assert.Single(store.Records("MessagingSession"));
        Assert.Equal(session.Id[..15], Assert.Single(body["workItemIds"]!.AsArray())!.GetValue<string>());
        var endUser = Assert.Single(store.Records("MessagingEndUser"));
        Assert.Equal("user-1", endUser.GetString("MessagingPlatformKey"));
        Assert.Single(store.Records("ConversationParticipant"));
        var entry = Assert.Single(store.Records("ConversationEntry"));
        Assert.Equal("Hi there", entry.GetString("Message"));
        Assert.Equal(id, entry.GetString("MessageIdentifier"));
        Assert.Equal(session.Id, entry.GetString("ConversationId"));
    }

    [Fact]
    public async Task PostInteractions_SecondMessage_JoinsSameConversationAndSession()
    {
        await using var emulator = await TestEmulator.StartAsync();
        using var client = await ScrtTestClient.CreateAsync(emulator);

        var (_, first) = await client.PostInteractionAsync(ScrtTestClient.TextInteraction(client.ChannelAddress, "user-1", "one"));
        var (_, second) = await client.PostInteractionAsync(ScrtTestClient.TextInteraction(client.ChannelAddress, "user-1", "two"));
        var (_, other) = await client.PostInteractionAsync(ScrtTestClient.TextInteraction(client.ChannelAddress, "user-2", "three"));

        Assert.Equal(first["conversationIdentifier"]!.GetValue<string>(), second["conversationIdentifier"]!.GetValue<string>());
        Assert.Equal(first["workItemIds"]![0]!.GetValue<string>(), second["workItemIds"]![0]!.GetValue<string>());
        Assert.NotEqual(first["conversationIdentifier"]!.GetValue<string>(), other["conversationIdentifier"]!.GetValue<string>());
        Assert.Equal(2, emulator.Get<OrgStore>().Records("MessagingSession").Count);
    }

    [Fact]
    public async Task PostInteractions_AfterSessionEnded_OpensNewSessionInSameConversation()
    {
        await using var emulator = await TestEmulator.StartAsync();
        using var client = await ScrtTestClient.CreateAsync(emulator);
        var (_, first) = await client.PostInteractionAsync(ScrtTestClient.TextInteraction(client.ChannelAddress, "user-1", "one"));
        var store = emulator.Get<OrgStore>();
        store.Write(w => w.Update(store.Records("MessagingSession")[0].Id, new Dictionary<string, object?> { ["Status"] = "Ended" }));

        var (status, second) = await client.PostInteractionAsync(ScrtTestClient.TextInteraction(client.ChannelAddress, "user-1", "again"));

        Assert.Equal(HttpStatusCode.Accepted, status);
        Assert.Equal(first["conversationIdentifier"]!.GetValue<string>(), second["conversationIdentifier"]!.GetValue<string>());
        Assert.NotEqual(first["workItemIds"]![0]!.GetValue<string>(), second["workItemIds"]![0]!.GetValue<string>());
        Assert.Equal(2, store.Records("MessagingSession").Count);
        Assert.Single(store.Records("Conversation"));
    }

    [Fact]
    public async Task PostInteractions_RoutingAttributes_KeptForTheSession()
    {
        await using var emulator = await TestEmulator.StartAsync();
        using var client = await ScrtTestClient.CreateAsync(emulator);
        var json = ScrtTestClient.TextInteraction(client.ChannelAddress, "user-1", "hi");
        json["routingAttributes"] = new JsonObject { ["language"] = "fr" };

        var (status, _) = await client.PostInteractionAsync(json);

        Assert.Equal(HttpStatusCode.Accepted, status);
        var session = Assert.Single(emulator.Get<OrgStore>().Records("MessagingSession"));
        Assert.Equal("fr", emulator.Get<RoutingAttributes>().ForSession(session.Id)["language"]);
    }

    [Fact]
    public async Task PostInteractions_QuotedBoundary_Accepted()
    {
        await using var emulator = await TestEmulator.StartAsync();
        using var client = await ScrtTestClient.CreateAsync(emulator);

        var (status, _) = await client.PostInteractionAsync(
            ScrtTestClient.TextInteraction(client.ChannelAddress, "user-1", "quoted").ToJsonString(), null, quotedBoundary: true);

        Assert.Equal(HttpStatusCode.Accepted, status);
    }

    [Fact]
    public async Task PostInteractions_Typing_AcceptedWithoutTranscriptRow()
    {
        await using var emulator = await TestEmulator.StartAsync();
        using var client = await ScrtTestClient.CreateAsync(emulator);
        var typing = new JsonObject
        {
            ["timestamp"] = 1718000000000,
            ["interactionType"] = "EntryInteraction",
            ["payload"] = new JsonObject { ["id"] = Guid.NewGuid().ToString(), ["entryType"] = "TypingStartedIndicator", ["timestamp"] = 1718000000000 },
        };

        var (status, _) = await client.PostInteractionAsync(ScrtTestClient.Interaction(client.ChannelAddress, "user-1", typing));

        Assert.Equal(HttpStatusCode.Accepted, status);
        Assert.Empty(emulator.Get<OrgStore>().Records("ConversationEntry"));
    }

    [Theory]
    [InlineData("failedConversationEntryIdentifier")]
    [InlineData("failedChannelEntryIdentifier")]
    public async Task PostInteractions_MessageDeliveryFailed_AcceptsBothFieldNames(string fieldName)
    {
        await using var emulator = await TestEmulator.StartAsync();
        using var client = await ScrtTestClient.CreateAsync(emulator);
        var failed = new JsonObject
        {
            ["timestamp"] = 1718000000000,
            ["interactionType"] = "EntryInteraction",
            ["payload"] = new JsonObject
            {
                ["id"] = Guid.NewGuid().ToString(),
                ["entryType"] = "MessageDeliveryFailed",
                [fieldName] = Guid.NewGuid().ToString(),
                ["recipient"] = new JsonObject { ["appType"] = "custom", ["subject"] = "user-1", ["role"] = "EndUser" },
                ["errorCode"] = "UNDELIVERABLE",
            },
        };

        var (status, _) = await client.PostInteractionAsync(ScrtTestClient.Interaction(client.ChannelAddress, "user-1", failed));

        Assert.Equal(HttpStatusCode.Accepted, status);
    }

    [Fact]
    public async Task PostInteractions_ChoicesResponse_RecordsPickedTitle()
    {
        await using var emulator = await TestEmulator.StartAsync();
        using var client = await ScrtTestClient.CreateAsync(emulator);
        var id = Guid.NewGuid().ToString();
        var choice = new JsonObject
        {
            ["timestamp"] = 1718000000000,
            ["interactionType"] = "EntryInteraction",
            ["payload"] = new JsonObject
            {
                ["id"] = id,
                ["entryType"] = "Message",
                ["abstractMessage"] = new JsonObject
                {
                    ["messageType"] = "ChoicesResponseMessage",
                    ["id"] = id,
                    ["choicesResponse"] = new JsonObject
                    {
                        ["formatType"] = "Selections",
                        ["selectedOptions"] = new JsonArray(new JsonObject
                        {
                            ["optionIdentifier"] = "opt-yes",
                            ["optionTitle"] = new JsonObject { ["itemType"] = "TitleItem", ["title"] = "Yes" },
                        }),
                    },
                },
            },
        };

        var (status, _) = await client.PostInteractionAsync(ScrtTestClient.Interaction(client.ChannelAddress, "user-1", choice));

        Assert.Equal(HttpStatusCode.Accepted, status);
        var entry = Assert.Single(emulator.Get<OrgStore>().Records("ConversationEntry"));
        Assert.Equal("Yes", entry.GetString("Message"));
        Assert.Equal("ChoicesResponse", entry.GetString("EntryType"));
    }

    [Fact]
    public async Task PostConversation_NewEndUser_CreatesConversationIdempotently()
    {
        await using var emulator = await TestEmulator.StartAsync();
        using var client = await ScrtTestClient.CreateAsync(emulator);
        var body = new JsonObject
        {
            ["channelAddressIdentifier"] = client.ChannelAddress,
            ["participants"] = new JsonArray(new JsonObject { ["subject"] = "user-9", ["role"] = "EndUser", ["appType"] = "custom" }),
        };

        var (status, first) = await client.SendJsonAsync(HttpMethod.Post, "/api/v1/conversation", body);
        var (_, second) = await client.SendJsonAsync(HttpMethod.Post, "/api/v1/conversation", body.DeepClone());

        Assert.Equal(HttpStatusCode.Accepted, status);
        Assert.True(first["success"]!.GetValue<bool>());
        Assert.Equal(15, first["messagingSessionId"]!.GetValue<string>().Length);
        Assert.Equal(first.ToJsonString(), second.ToJsonString());
    }

    [Fact]
    public async Task PostAcknowledgement_ReadAfterDelivered_MarksOutboundEntryRead()
    {
        await using var emulator = await TestEmulator.StartAsync();
        using var client = await ScrtTestClient.CreateAsync(emulator);
        var (_, accepted) = await client.PostInteractionAsync(ScrtTestClient.TextInteraction(client.ChannelAddress, "user-1", "hi"));
        var conversationId = accepted["conversationIdentifier"]!.GetValue<string>();
        var address = ConversationRegistry.Find(emulator.Get<OrgStore>(), conversationId)!;
        var outbound = await emulator.Get<Byoc.Emulator.Conversations.IConversationEvents>().PublishAsync(
            new Byoc.Emulator.Conversations.TextMessageEvent(address, Byoc.Emulator.Conversations.EventSender.System(), "Hello"),
            TestContext.Current.CancellationToken);

        var (status, body) = await client.SendJsonAsync(HttpMethod.Post, "/api/v1/acknowledgement", Acknowledgements(conversationId,
            ("Delivered", outbound, 1718000000001), ("Read", outbound, 1718000000002)));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.True(body["success"]!.GetValue<bool>());
        var entry = Assert.Single(emulator.Get<OrgStore>().Lookup("ConversationEntry", "MessageIdentifier", outbound));
        Assert.Equal("Read", entry.GetString("MessageStatus"));
    }

    [Fact]
    public async Task PostAcknowledgement_EntryOfAnotherConversation_10089AndTheEntryUntouched()
    {
        await using var emulator = await TestEmulator.StartAsync();
        using var client = await ScrtTestClient.CreateAsync(emulator);
        var (_, mine) = await client.PostInteractionAsync(ScrtTestClient.TextInteraction(client.ChannelAddress, "user-1", "hi"));
        var (_, theirs) = await client.PostInteractionAsync(ScrtTestClient.TextInteraction(client.ChannelAddress, "user-2", "hello"));
        var mineId = mine["conversationIdentifier"]!.GetValue<string>();
        var theirAddress = ConversationRegistry.Find(emulator.Get<OrgStore>(), theirs["conversationIdentifier"]!.GetValue<string>())!;
        var theirEntry = await emulator.Get<Byoc.Emulator.Conversations.IConversationEvents>().PublishAsync(
            new Byoc.Emulator.Conversations.TextMessageEvent(theirAddress, Byoc.Emulator.Conversations.EventSender.System(), "For user 2"),
            TestContext.Current.CancellationToken);

        var (status, body) = await client.SendJsonAsync(HttpMethod.Post, "/api/v1/acknowledgement", Acknowledgements(mineId,
            ("Read", theirEntry, 1718000000001)));

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.False(body["success"]!.GetValue<bool>());
        Assert.Equal(10089, body["code"]!.GetValue<int>());
        Assert.Contains(theirEntry, body["message"]!.GetValue<string>(), StringComparison.Ordinal);
        var entry = Assert.Single(emulator.Get<OrgStore>().Lookup("ConversationEntry", "MessageIdentifier", theirEntry));
        Assert.NotEqual("Read", entry.GetString("MessageStatus"));
    }

    [Fact]
    public async Task PatchCapabilities_Valid_StoredForChannel()
    {
        await using var emulator = await TestEmulator.StartAsync();
        using var client = await ScrtTestClient.CreateAsync(emulator);

        var (status, body) = await client.SendJsonAsync(HttpMethod.Patch, "/api/v1/capabilities", Capabilities("Byoc_ChannelDefinition"));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.True(body["success"]!.GetValue<bool>());
        var channelId = emulator.Get<OrgStore>().Lookup("MessagingChannel", "ChannelAddressIdentifier", client.ChannelAddress)[0].Id;
        var registered = emulator.Get<ChannelCapabilities>().ForChannel(channelId);
        Assert.NotNull(registered);
        Assert.True(registered.Supports("ChoicesMessage", "Buttons"));
        Assert.True(registered.ProgressIndicators);
    }

    [Fact]
    public async Task PatchCapabilities_OtherDefinition_ErrorDetail10050()
    {
        await using var emulator = await TestEmulator.StartAsync();
        using var client = await ScrtTestClient.CreateAsync(emulator);

        var (status, body) = await client.SendJsonAsync(HttpMethod.Patch, "/api/v1/capabilities", Capabilities("Other_Definition"));

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.False(body["success"]!.GetValue<bool>());
        Assert.Equal(10050, body["errorDetail"]!["code"]!.GetValue<int>());
    }

    [Theory]
    [InlineData("PATCH", "/api/v1/consent", 15102)]
    [InlineData("POST", "/api/v1/route", 15102)]
    [InlineData("DELETE", "/api/v1/route", 15102)]
    [InlineData("POST", "/api/v1/routingResult", 15102)]
    [InlineData("POST", "/api/v1/agentWork", 15102)]
    [InlineData("PATCH", "/api/v1/agentWork", 15102)]
    [InlineData("POST", "/api/v1/participant", 15102)]
    [InlineData("POST", "/api/v1/messagingSession", 15102)]
    [InlineData("POST", "/api/v1/conversationHistory", 10057)]
    [InlineData("POST", "/api/v1/conversationEntry", 10093)]
    public async Task ContactCenterAndBotEndpoints_MessagingOrg_AnswerDocumentedCode(string method, string path, int code)
    {
        await using var emulator = await TestEmulator.StartAsync();
        using var client = await ScrtTestClient.CreateAsync(emulator);

        var (status, body) = await client.SendJsonAsync(new HttpMethod(method), path, new JsonObject());

        Assert.True((int)status >= 400);
        Assert.Equal(code, body["code"]!.GetValue<int>());
        Assert.False(string.IsNullOrEmpty(body["message"]!.GetValue<string>()));
    }

    [Fact]
    public async Task PostAcknowledgement_NumericTimestampAsSamplesSend_Accepted()
    {
        await using var emulator = await TestEmulator.StartAsync();
        using var client = await ScrtTestClient.CreateAsync(emulator);
        var (_, accepted) = await client.PostInteractionAsync(ScrtTestClient.TextInteraction(client.ChannelAddress, "user-1", "hi"));
        var body = Acknowledgements(accepted["conversationIdentifier"]!.GetValue<string>(), ("Delivered", Guid.NewGuid().ToString(), 1718000000001));
        body["acknowledgements"]![0]!["acknowledgementTimestamp"] = 1718000000001;

        var (status, _) = await client.SendAsync(HttpMethod.Post, "/api/v1/acknowledgement",
            new System.Net.Http.StringContent(body.ToJsonString(), System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.OK, status);
    }

    [Fact]
    public async Task PostAcknowledgement_UnknownConversation_10018WithSuccessFalse()
    {
        await using var emulator = await TestEmulator.StartAsync();
        using var client = await ScrtTestClient.CreateAsync(emulator);

        var (status, body) = await client.SendJsonAsync(HttpMethod.Post, "/api/v1/acknowledgement",
            Acknowledgements(Guid.NewGuid().ToString(), ("Read", Guid.NewGuid().ToString(), 1)));

        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.False(body["success"]!.GetValue<bool>());
        Assert.Equal(10018, body["code"]!.GetValue<int>());
    }

    /// <summary>Acknowledgements with the timestamp typed as the schema says (a string of epoch milliseconds).</summary>
    internal static JsonObject Acknowledgements(string conversationId, params (string Type, string EntryId, long Timestamp)[] acknowledgements) => new()
    {
        ["sender"] = new JsonObject { ["appType"] = "custom", ["subject"] = "user-1", ["role"] = "EndUser" },
        ["conversationIdentifier"] = conversationId,
        ["acknowledgements"] = new JsonArray([.. acknowledgements.Select(a => (JsonNode)new JsonObject
        {
            ["acknowledgementTimestamp"] = a.Timestamp.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["acknowledgementType"] = a.Type,
            ["acknowledgedConversationEntryIdentifier"] = a.EntryId,
            ["acknowledgmentCreatedConversationEntryIdentifier"] = Guid.NewGuid().ToString(),
        })]),
    };

    internal static JsonObject Capabilities(string definitionName) => new()
    {
        ["capabilities"] = new JsonObject
        {
            ["appType"] = "custom",
            ["channelCapabilities"] = new JsonArray(new JsonObject
            {
                ["channelType"] = "custom",
                ["customIntegration"] = new JsonObject
                {
                    ["customIntegrationType"] = "CustomChannelIntegration",
                    ["integrationNamespace"] = "byoc",
                    ["conversationChannelDefinitionDevName"] = definitionName,
                },
                ["messageTypeCapabilities"] = new JsonArray(
                    new JsonObject
                    {
                        ["messageType"] = "StaticContentMessage",
                        ["formatTypeCapabilities"] = new JsonArray(new JsonObject { ["formatType"] = "Text" }),
                    },
                    new JsonObject
                    {
                        ["messageType"] = "ChoicesMessage",
                        ["formatTypeCapabilities"] = new JsonArray(new JsonObject { ["formatType"] = "Buttons" }),
                    }),
                ["progressIndicatorTypeCapabilities"] = new JsonArray(new JsonObject
                {
                    ["progressIndicatorType"] = "ProgressUpdateIndicator",
                    ["formatTypeCapabilities"] = new JsonArray(new JsonObject { ["formatType"] = "Text" }),
                }),
            }),
        },
    };
}
