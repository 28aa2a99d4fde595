using System.Text.Json.Nodes;
using Byoc.Connector.Channels.Webhook;
using Byoc.Connector.Salesforce.PubSub;
using Byoc.Core.Storage;
using Byoc.TestUtilities;
using Microsoft.Extensions.DependencyInjection;

namespace Byoc.Connector.Tests.Pipeline;

public sealed class OutboundPipelineTests
{
    private const string Topic = "/event/Conversation__e";

    [Fact]
    public async Task HandleAsync_AgentMessage_PostsSignedWebhookThenAcknowledgesDelivered()
    {
        await using var host = await ConnectorHost.StartAsync(TestContext.Current.CancellationToken);

        await HandleAsync(host, AgentEvents.Text("entry-1", "Hello from the agent"), 1);

        await WaitFor.ConditionAsync(() => host.Scrt.Requests.Any(r => r.Path == "/api/v1/acknowledgement"));
        var posted = Assert.Single(host.CustomerRequests);
        var body = JsonNode.Parse(posted.BodyText)!;
        Assert.Equal(("message", "entry-1", "u1", "conv-9", "Hello from the agent", "Ava"),
            (S(body["type"]), S(body["id"]), S(body["userId"]), S(body["conversationId"]), S(body["text"]), S(body["sender"])));
        var key = StandardWebhookSignature.DecodeSecret(ConnectorHost.Secret)!;
        Assert.Equal(SignatureCheck.Valid, StandardWebhookSignature.Verify(key, posted.Header("webhook-id"), posted.Header("webhook-timestamp"),
            posted.Header("webhook-signature"), posted.Body, TimeProvider.System.GetUtcNow(), TimeSpan.FromMinutes(1)));
        var ack = JsonNode.Parse(host.Scrt.Requests.Single(r => r.Path == "/api/v1/acknowledgement").BodyText)!;
        Assert.Equal("conv-9", S(ack["conversationIdentifier"]));
        Assert.Equal("web:u1", S(ack["sender"]!["subject"]));
        Assert.Equal(("Delivered", "entry-1"),
            (S(ack["acknowledgements"]![0]!["acknowledgementType"]), S(ack["acknowledgements"]![0]!["acknowledgedConversationEntryIdentifier"])));
    }

    [Fact]
    public async Task HandleAsync_SameEntryReplayed_DeliversOnceAndMovesCheckpoint()
    {
        await using var host = await ConnectorHost.StartAsync(TestContext.Current.CancellationToken);

        await HandleAsync(host, AgentEvents.Text("entry-1", "once"), 1);
        await HandleAsync(host, AgentEvents.Text("entry-1", "once"), 2);

        await WaitFor.ConditionAsync(() => !host.CustomerRequests.IsEmpty);
        await host.SettleAsync();
        Assert.Single(host.CustomerRequests);
        var replayId = await host.Services.GetRequiredService<IOutboxStore>().GetReplayIdAsync(Topic, TestContext.Current.CancellationToken);
        Assert.Equal(ReplayId(2), replayId);
    }

    [Fact]
    public async Task HandleAsync_OtherChannelAddressOrEventType_IsIgnoredButCheckpointed()
    {
        await using var host = await ConnectorHost.StartAsync(TestContext.Current.CancellationToken);

        await HandleAsync(host, AgentEvents.Text("entry-1", "x", channelAddress: "other-address"), 1);
        await HandleAsync(host, AgentEvents.Text("entry-2", "x"), 2, eventType: "RoutingRequested");

        Assert.Equal(0, await host.CountRowsAsync("outbox"));
        Assert.Equal(ReplayId(2), await host.Services.GetRequiredService<IOutboxStore>().GetReplayIdAsync(Topic, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task HandleAsync_EndpointRejects_DeadLettersAndReportsMessageDeliveryFailed()
    {
        await using var host = await ConnectorHost.StartAsync(TestContext.Current.CancellationToken, customerStatus: () => 400);

        await HandleAsync(host, AgentEvents.Text("entry-7", "never"), 1);

        await WaitFor.ConditionAsync(() => host.Scrt.Requests.Any(r => r.Path == "/api/v1/interactions"));
        var failed = JsonNode.Parse(MultipartJson(host.Scrt.Requests.Single(r => r.Path == "/api/v1/interactions")))!;
        var payload = failed["interactions"]![0]!["payload"]!;
        Assert.Equal(("MessageDeliveryFailed", "entry-7"), (S(payload["entryType"]), S(payload["failedConversationEntryIdentifier"])));
        var dead = Assert.Single(await host.Services.GetRequiredService<IDeadLetterStore>().ListAsync(10, TestContext.Current.CancellationToken));
        Assert.Equal(("outbox", "permanent"), (dead.Queue, dead.Reason));
        Assert.Contains("400", dead.LastError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HandleAsync_EndpointKeepsFailing_RetriesThenGivesUp()
    {
        await using var host = await ConnectorHost.StartAsync(TestContext.Current.CancellationToken, customerStatus: () => 503);

        await HandleAsync(host, AgentEvents.Text("entry-8", "flaky"), 1);

        await WaitFor.ConditionAsync(() => host.Scrt.Requests.Any(r => r.Path == "/api/v1/interactions"));
        Assert.Equal(3, host.CustomerRequests.Count);
        var dead = Assert.Single(await host.Services.GetRequiredService<IDeadLetterStore>().ListAsync(10, TestContext.Current.CancellationToken));
        Assert.Equal(("attempts-exhausted", 3), (dead.Reason, dead.Attempts));
    }

    [Fact]
    public async Task HandleAsync_TypingAndChoices_ReachTheEndpointInOrder()
    {
        await using var host = await ConnectorHost.StartAsync(TestContext.Current.CancellationToken);

        await HandleAsync(host, AgentEvents.Entry("t-1", "TypingStartedIndicator", new JsonObject { ["entryType"] = "TypingStartedIndicator", ["timestamp"] = 1 }), 1);
        await HandleAsync(host, AgentEvents.Entry("c-1", "Message", new JsonObject
        {
            ["entryType"] = "Message",
            ["abstractMessage"] = new JsonObject
            {
                ["messageType"] = "ChoicesMessage",
                ["id"] = "c-1",
                ["choices"] = new JsonObject
                {
                    ["formatType"] = "Buttons",
                    ["text"] = "Pick one",
                    ["optionItems"] = new JsonArray
                    {
                        new JsonObject { ["itemType"] = "TitleOptionItem", ["optionIdentifier"] = "o-1", ["titleItem"] = new JsonObject { ["itemType"] = "TitleItem", ["title"] = "Yes" } },
                        new JsonObject { ["itemType"] = "TitleOptionItem", ["optionIdentifier"] = "o-2", ["titleItem"] = new JsonObject { ["itemType"] = "TitleItem", ["title"] = "No" } },
                    },
                },
            },
        }), 2);

        await WaitFor.ConditionAsync(() => host.CustomerRequests.Count == 2);
        var bodies = host.CustomerRequests.Select(r => JsonNode.Parse(r.BodyText)!).ToArray();
        Assert.Equal(["typing.started", "choices"], bodies.Select(b => S(b["type"])));
        Assert.Equal("Pick one", S(bodies[1]["text"]));
        Assert.Equal(["o-1:Yes", "o-2:No"], bodies[1]["choices"]!.AsArray().Select(c => $"{S(c!["id"])}:{S(c["title"])}"));
    }

    [Fact]
    public async Task HandleAsync_FailedUploadResult_NoticeReachesTheEndUserWithoutAcknowledgement()
    {
        await using var host = await ConnectorHost.StartAsync(TestContext.Current.CancellationToken);
        var updated = JsonNode.Parse("""
            {"entryType":"MessageUpdated","updatedMessage":{"messageType":"StaticContentMessage","id":"att-1","staticContent":{"formatType":"Attachments",
             "attachments":[{"name":"scan.pdf","id":"x","mimeType":"application/pdf","url":"https://acme.my.salesforce.com/x",
               "attachmentUploadResult":{"resultType":"ErrorAttachmentUploadResult","errorType":"StorageLimitExceeded"}}]}}}
            """)!.AsObject();

        await HandleAsync(host, AgentEvents.Entry("updated-1", "MessageUpdated", updated), 1);

        await WaitFor.ConditionAsync(() => !host.CustomerRequests.IsEmpty);
        var body = JsonNode.Parse(host.CustomerRequests.Single().BodyText)!;
        Assert.Equal(("notice", "updated-1", "We could not deliver scan.pdf: there is no room left to store it."),
            (S(body["type"]), S(body["id"]), S(body["text"])));
        await host.SettleAsync();
        Assert.DoesNotContain(host.Scrt.Requests, r => r.Path == "/api/v1/acknowledgement");
    }

    private static async Task HandleAsync(ConnectorHost host, string payload, int replay, string eventType = "Interaction") =>
        await host.Services.GetRequiredService<IPlatformEventHandler>().HandleAsync(
            new PlatformEvent(Topic, Guid.NewGuid().ToString(), ReplayId(replay), eventType, payload), TestContext.Current.CancellationToken);

    private static byte[] ReplayId(int n) => BitConverter.GetBytes((long)n).Reverse().ToArray();

    private static string MultipartJson(Salesforce.RecordedRequest request) =>
        Salesforce.MultipartReader.Parse(request.Header("Content-Type")!, request.BodyText)[0].Body;

    private static string? S(JsonNode? node) => node?.GetValue<string>();
}
