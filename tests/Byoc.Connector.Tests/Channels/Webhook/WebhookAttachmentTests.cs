using System.Net;
using Byoc.TestUtilities;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Byoc.Connector.Tests.Channels.Webhook;

/// <summary>An end user's file through the webhook adapter's own steps: stored once, and fetched only where an end user may point.</summary>
public sealed class WebhookAttachmentTests
{
    private static readonly byte[] s_png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 3, 1, 4];

    [Fact]
    public async Task Post_SameFileEventTwice_StoresTheFileOnce()
    {
        await using var host = await ConnectorHost.StartAsync(Ct, null, $"--Connector:Webhook:Channels:web:MaxBodyBytes=4096");
        using var client = host.Connector.CreateClient();
        var json = $$$"""{"type":"attachment","id":"f1","userId":"u1","attachment":{"name":"a.png","mimeType":"image/png","data":"{{{Convert.ToBase64String(s_png)}}}"}}""";

        using var first = await client.SendAsync(WebhookClient.Signed("web", json), Ct);
        using var again = await client.SendAsync(WebhookClient.Signed("web", json, id: "evt-retry"), Ct);

        Assert.Equal((HttpStatusCode.Accepted, HttpStatusCode.Accepted), (first.StatusCode, again.StatusCode));
        Assert.Equal("""{"stored":0,"duplicates":1}""", await again.Content.ReadAsStringAsync(Ct));
        Assert.Single(Directory.GetFiles(host.AttachmentDirectory, "*.bin"));
        Assert.Equal(1, await host.CountRowsAsync("inbox"));
    }

    [Fact]
    public async Task Post_SameFileEventConcurrently_OneRowAndOneFileLeft()
    {
        await using var host = await ConnectorHost.StartAsync(Ct, null, $"--Connector:Webhook:Channels:web:MaxBodyBytes=4096");
        using var client = host.Connector.CreateClient();
        var json = $$$"""{"type":"attachment","id":"f1","userId":"u1","attachment":{"name":"a.png","mimeType":"image/png","data":"{{{Convert.ToBase64String(s_png)}}}"}}""";

        var responses = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => client.SendAsync(WebhookClient.Signed("web", json, id: $"evt-{i}"), Ct)));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Accepted, r.StatusCode));
        Assert.Equal(1, await host.CountRowsAsync("inbox"));
        Assert.Single(Directory.GetFiles(host.AttachmentDirectory, "*.bin"));
        Assert.Single(Directory.GetFiles(host.AttachmentDirectory, "*.json"));
        foreach (var response in responses)
        {
            response.Dispose();
        }
    }

    [Fact]
    public async Task Post_FileUrlAtTheSalesforceInstance_RefusedAndNeverFetched()
    {
        var requests = 0;
        var org = WebApplication.CreateSlimBuilder().Build();
        org.MapGet("/a.png", () =>
        {
            Interlocked.Increment(ref requests);
            return Results.Bytes(s_png, "image/png");
        });
        await using var instance = await LoopbackServer.StartAsync(org, Ct);
        await using var host = await ConnectorHost.StartAsync(Ct, null, $"--Connector:Salesforce:InstanceUrl={instance.BaseAddress}");
        using var client = host.Connector.CreateClient();

        using var response = await client.SendAsync(WebhookClient.Signed("web",
            $$$"""{"type":"attachment","id":"f1","userId":"u1","attachment":{"name":"a.png","mimeType":"image/png","url":"{{{new Uri(instance.BaseAddress, "/a.png")}}}"}}"""), Ct);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("is not on Connector:Attachments:AllowedHosts", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Equal(0, Volatile.Read(ref requests));
        Assert.Equal(0, await host.CountRowsAsync("inbox"));
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;
}
