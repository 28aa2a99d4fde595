using System.Text.Json.Nodes;
using Byoc.Connector.Tests.Salesforce;
using Byoc.Core.Storage;
using Byoc.TestUtilities;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Byoc.Connector.Tests.Pipeline;

public sealed class InboundPipelineTests
{
    [Fact]
    public async Task Webhook_TypingThenMessage_ForwardedInOrderAndConversationRemembered()
    {
        await using var host = await ConnectorHost.StartAsync(TestContext.Current.CancellationToken);
        using var client = host.Connector.CreateClient();
        var ct = TestContext.Current.CancellationToken;

        (await client.SendAsync(WebhookClient.Signed("web", """{"type":"typing.started","id":"t1","userId":"u1"}"""), ct)).Dispose();
        (await client.SendAsync(WebhookClient.Signed("web", """{"type":"typing.stopped","id":"t2","userId":"u1"}"""), ct)).Dispose();
        (await client.SendAsync(WebhookClient.Signed("web", """{"type":"message","id":"m1","userId":"u1","text":"Book a table"}"""), ct)).Dispose();

        await WaitFor.ConditionAsync(() => host.Scrt.Requests.Count == 3);
        var entries = host.Scrt.Requests.Select(r => JsonNode.Parse(MultipartReader.Parse(r.Header("Content-Type")!, r.BodyText)[0].Body)!).ToArray();
        Assert.Equal(["TypingStartedIndicator", "TypingStoppedIndicator", "Message"],
            entries.Select(e => e["interactions"]![0]!["payload"]!["entryType"]!.GetValue<string>()));
        Assert.All(entries, e => Assert.Equal(("web:u1", ConnectorHost.ChannelAddress), (e["from"]!.GetValue<string>(), e["to"]!.GetValue<string>())));
        await WaitFor.ConditionAsync(() => host.Services.GetRequiredService<IConversationStore>()
            .FindByEndUserAsync(ConnectorHost.ChannelAddress, "web:u1", ct).GetAwaiter().GetResult()?.ConversationIdentifier == "conv-1");
    }

    [Fact]
    public async Task Webhook_SalesforceBusyOnce_RetriesAndDeliversOnce()
    {
        await using var host = await ConnectorHost.StartAsync(TestContext.Current.CancellationToken);
        host.Scrt.Answers.Enqueue(_ => Results.Json(new { code = 10055, message = "precondition failed" }, statusCode: 409));
        using var client = host.Connector.CreateClient();

        (await client.SendAsync(WebhookClient.Signed("web", """{"type":"message","id":"m1","userId":"u1","text":"hi"}"""),
            TestContext.Current.CancellationToken)).Dispose();

        await WaitFor.ConditionAsync(() => host.Scrt.Requests.Count == 2);
        var requests = host.Scrt.Requests.ToArray();
        Assert.NotEqual(requests[0].Header("RequestId"), requests[1].Header("RequestId"));
        Assert.Equal(MultipartReader.Parse(requests[0].Header("Content-Type")!, requests[0].BodyText)[0].Body,
            MultipartReader.Parse(requests[1].Header("Content-Type")!, requests[1].BodyText)[0].Body);
        await WaitFor.ConditionAsync(() => host.CountRowsAsync("inbox WHERE status = 1").GetAwaiter().GetResult() == 1);
    }

    [Fact]
    public async Task Webhook_ReadStatus_SendsReadAcknowledgement()
    {
        await using var host = await ConnectorHost.StartAsync(TestContext.Current.CancellationToken);
        using var client = host.Connector.CreateClient();

        (await client.SendAsync(WebhookClient.Signed("web", """{"type":"status","id":"s1","userId":"u1","messageId":"entry-3","status":"read"}"""),
            TestContext.Current.CancellationToken)).Dispose();

        await WaitFor.ConditionAsync(() => host.Scrt.Requests.Any(r => r.Path == "/api/v1/acknowledgement"));
        Assert.Equal("/api/v1/conversation", host.Scrt.Requests.First().Path);
        var ack = JsonNode.Parse(host.Scrt.Requests.Single(r => r.Path == "/api/v1/acknowledgement").BodyText)!;
        Assert.Equal(("Read", "entry-3", "conv-1"), (ack["acknowledgements"]![0]!["acknowledgementType"]!.GetValue<string>(),
            ack["acknowledgements"]![0]!["acknowledgedConversationEntryIdentifier"]!.GetValue<string>(), ack["conversationIdentifier"]!.GetValue<string>()));
    }
}
