using System.Net;
using System.Text.Json.Nodes;
using Byoc.Connector.Pipeline;
using Byoc.Connector.Tests.Salesforce;
using Byoc.Core.Messages;
using Byoc.TestUtilities;
using Byoc.TestUtilities.Contracts;
using Microsoft.Extensions.DependencyInjection;

namespace Byoc.Connector.Tests.Pipeline;

/// <summary>Files through the connector against the fake Interaction Service API and the fake customer endpoint.</summary>
public sealed class AttachmentPipelineTests
{
    private static readonly byte[] s_png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 9, 8, 7];

    [Fact]
    public async Task Webhook_InlineFile_ForwardedAsAttachmentInteractionWithTheFile()
    {
        await using var host = await ConnectorHost.StartAsync(Ct);
        using var client = host.Connector.CreateClient();

        using var response = await client.SendAsync(WebhookClient.Signed("web", $$$"""
            {"type":"attachment","id":"f1","userId":"u1","text":"my receipt","attachment":{"name":"receipt.png","mimeType":"image/png","data":"{{{Convert.ToBase64String(s_png)}}}"} }
            """), Ct);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        await WaitFor.ConditionAsync(() => !host.Scrt.Requests.IsEmpty);
        var request = host.Scrt.Requests.Single();
        var parts = MultipartReader.Parse(request.Header("Content-Type")!, Latin1(request.Body));
        var json = JsonNode.Parse(parts[0].Body)!;
        ContractValidator.InboundWhenPresent?.AssertValid(json, "InteractionRequestJson");
        var interaction = json["interactions"]![0]!;
        Assert.Equal(("AttachmentInteraction", 0, (long)s_png.Length, "my receipt"), (interaction["interactionType"]!.GetValue<string>(),
            interaction["attachmentIndex"]!.GetValue<int>(), interaction["contentLength"]!.GetValue<long>(), interaction["text"]!.GetValue<string>()));
        Assert.Contains(parts[1].Headers, h => h.Contains("name=\"attachments\"", StringComparison.Ordinal) && h.Contains("filename=\"receipt.png\"", StringComparison.Ordinal));
        Assert.Contains("Content-Type: image/png", parts[1].Headers);
        Assert.Equal(s_png, System.Text.Encoding.Latin1.GetBytes(parts[1].Body));
    }

    [Theory]
    [InlineData("""{"name":"notes.txt","mimeType":"text/plain","data":"aGVsbG8="}""", HttpStatusCode.UnsupportedMediaType, "cannot be sent")]
    [InlineData("""{"name":"big.png","mimeType":"image/png","data":"AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"}""", HttpStatusCode.RequestEntityTooLarge, "larger than the limit")]
    [InlineData("""{"name":"a.png","mimeType":"image/png","url":"http://127.0.0.1:9/a.png"}""", (HttpStatusCode)422, "AllowedHosts")]
    [InlineData("""{"name":"a.png","mimeType":"image/png","url":"http://169.254.169.254/a.png"}""", (HttpStatusCode)422, "AllowedHosts")]
    [InlineData("""{"name":"a.png","mimeType":"image/png","url":"http://x/a.png","data":"AAAA"}""", HttpStatusCode.BadRequest, "exactly one of")]
    public async Task Webhook_RefusedFile_ClearErrorAndNothingForwarded(string attachment, HttpStatusCode status, string reason)
    {
        await using var host = await ConnectorHost.StartAsync(Ct, null, "--Connector:Attachments:MaxInboundBytes=32");
        using var client = host.Connector.CreateClient();

        using var response = await client.SendAsync(WebhookClient.Signed("web", $$$"""{"type":"attachment","id":"f1","userId":"u1","attachment":{{{attachment}}} }"""), Ct);

        Assert.Equal(status, response.StatusCode);
        Assert.Contains(reason, await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        await host.SettleAsync();
        Assert.Empty(host.Scrt.Requests);
    }

    [Fact]
    public async Task Webhook_EndUserUrlOnTheOrgsPrivateInstance_RefusedAndNeverFetched()
    {
        // The org's instance may be on a private address (the emulated org is) and is trusted for the files Salesforce sends;
        // an end user's URL naming that same origin gets no such exemption, even with its host on the allow-list.
        await using var org = await ConnectorHost.StartAsync(Ct, null);
        var instance = org.Scrt.BaseAddress;
        await using var guarded = await ConnectorHost.StartAsync(Ct, null, $"--Connector:Salesforce:InstanceUrl={instance}",
            $"--Connector:Attachments:AllowedHosts:0={instance.Host}");
        using var client = guarded.Connector.CreateClient();
        var url = new Uri(instance, "/services/data/v62.0/a.png");

        using var response = await client.SendAsync(WebhookClient.Signed("web",
            $$"""{"type":"attachment","id":"f1","userId":"u1","attachment":{"name":"a.png","mimeType":"image/png","url":"{{url}}"} }"""), Ct);

        Assert.Equal((HttpStatusCode)422, response.StatusCode);
        Assert.Contains("non-public addresses", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        await guarded.SettleAsync();
        Assert.DoesNotContain(org.Scrt.Requests, r => r.Path.EndsWith("/a.png", StringComparison.Ordinal));
        Assert.Empty(guarded.Scrt.Requests);
    }

    [Fact]
    public async Task Outbound_FileOnAPrivateAddress_NoticeToCustomerAndDeliveryFailedToSalesforce()
    {
        await using var host = await ConnectorHost.StartAsync(Ct);
        var outbound = host.Services.GetRequiredService<ChannelRegistry>().Find("web")!.Outbound;

        var result = await outbound.SendAsync(new OutboundMessage
        {
            Channel = "web",
            PlatformUserId = "u1",
            EntryIdentifier = "e-file",
            ConversationIdentifier = "conv-1",
            Kind = OutboundKind.Attachment,
            Text = "Here is the menu",
            Attachments = [new OutboundAttachment("menu.pdf", "application/pdf", "http://169.254.169.254/latest/meta-data/")],
        }, Ct);

        Assert.Equal(Byoc.Core.Delivery.DeliveryOutcomeKind.Permanent, result.Kind);
        Assert.Contains("menu.pdf", result.Error, StringComparison.Ordinal);
        var delivered = JsonNode.Parse(host.CustomerRequests.Single().Body)!;
        Assert.Equal("Here is the menu\nThe agent sent menu.pdf, which could not be delivered.", delivered["text"]!.GetValue<string>());
        Assert.Null(delivered["attachments"]);
    }

    private static string Latin1(byte[] body) => System.Text.Encoding.Latin1.GetString(body);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;
}
