using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Byoc.Connector.Attachments;
using Byoc.Connector.Channels;
using Byoc.Connector.Channels.Webhook;
using Byoc.Connector.Pipeline;
using Byoc.Core.Channels;
using Byoc.Core.Delivery;
using Byoc.Core.Messages;
using Byoc.TestUtilities;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Byoc.Connector.Tests.Channels.Webhook;

/// <summary>
/// Outbound files as signed links: channel <c>web</c> of the connector host is in <c>Link</c> mode, channel <c>inline</c>
/// is not; the agent's files come from an in-test "org" configured as the Salesforce instance.
/// </summary>
public sealed class WebhookFileEndpointsTests : IAsyncLifetime
{
    private const string PublicBaseUrl = "https://connector.example.com/";
    private static readonly byte[] s_pdf = "%PDF-1.4\n% menu\n"u8.ToArray();
    private static readonly byte[] s_png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 1, 2, 3];

    private LoopbackServer _org = null!;
    private ConnectorHost _host = null!;
    private HttpClient _client = null!;

    public async ValueTask InitializeAsync()
    {
        _org = await StartOrgAsync();
        _host = await ConnectorHost.StartAsync(Ct, null,
            $"--Connector:Salesforce:InstanceUrl={_org.BaseAddress}",
            "--Connector:Webhook:Channels:web:OutboundFiles=Link",
            $"--Connector:Webhook:Channels:web:PublicBaseUrl={PublicBaseUrl}",
            "--Connector:Webhook:Channels:inline:ChannelAddressIdentifier=66666666-7777-8888-9999-000000000000",
            $"--Connector:Webhook:Channels:inline:Secret={ConnectorHost.Secret}",
            "--Connector:Webhook:Channels:inline:OutboundUrl=http://127.0.0.1:9/never");
        _client = _host.Connector.CreateClient();
    }

    public async ValueTask DisposeAsync()
    {
        _client.Dispose();
        await _host.DisposeAsync();
        await _org.DisposeAsync();
    }

    [Fact]
    public async Task LinkMode_AgentFiles_ReachTheCustomerAsSignedUrlsThatServeTheExactBytes()
    {
        var before = TimeProvider.System.GetUtcNow();

        var result = await Outbound("web").SendAsync(AgentFiles(_org.BaseAddress), Ct);

        Assert.Equal(DeliveryOutcomeKind.Succeeded, result.Kind);
        var posted = JsonNode.Parse(_host.CustomerRequests.Single().Body)!;
        var files = posted["attachments"]!.AsArray();
        Assert.Equal(2, files.Count);
        foreach (var (file, bytes, mimeType, disposition) in new[] { (files[0]!, s_pdf, "application/pdf", "attachment"), (files[1]!, s_png, "image/png", "inline") })
        {
            Assert.Null(file["data"]);
            Assert.Equal(bytes.Length, file["size"]!.GetValue<long>());
            Assert.Equal(mimeType, file["mimeType"]!.GetValue<string>());
            var url = new Uri(file["url"]!.GetValue<string>());
            Assert.StartsWith(PublicBaseUrl + "webhooks/web/files/", url.AbsoluteUri, StringComparison.Ordinal);
            var expiresAt = file["expiresAt"]!.GetValue<DateTimeOffset>();
            Assert.InRange(expiresAt, before.AddHours(24).AddSeconds(-1), TimeProvider.System.GetUtcNow().AddHours(24));
            Assert.Contains($"expires={expiresAt.ToUnixTimeSeconds()}&", url.Query, StringComparison.Ordinal);

            using var served = await _client.GetAsync(new Uri(url.PathAndQuery, UriKind.Relative), Ct);
            Assert.Equal(HttpStatusCode.OK, served.StatusCode);
            Assert.Equal(bytes, await served.Content.ReadAsByteArrayAsync(Ct));
            Assert.Equal(mimeType, served.Content.Headers.ContentType?.MediaType);
            Assert.Equal(disposition, served.Content.Headers.ContentDisposition?.DispositionType);
            Assert.Equal(file["name"]!.GetValue<string>(), served.Content.Headers.ContentDisposition?.FileNameStar);
            Assert.Equal("nosniff", served.Headers.GetValues("X-Content-Type-Options").Single());
            Assert.Equal("private", served.Headers.CacheControl?.ToString());

            using var head = await _client.SendAsync(new HttpRequestMessage(HttpMethod.Head, new Uri(url.PathAndQuery, UriKind.Relative)), Ct);
            Assert.Equal(HttpStatusCode.OK, head.StatusCode);
            Assert.Equal(bytes.Length, head.Content.Headers.ContentLength);
            Assert.Empty(await head.Content.ReadAsByteArrayAsync(Ct));
        }
    }

    [Fact]
    public async Task InlineMode_AgentFile_ArrivesAsBase64DataWithoutUrl()
    {
        await using var host = await ConnectorHost.StartAsync(Ct, null, $"--Connector:Salesforce:InstanceUrl={_org.BaseAddress}");
        var outbound = host.Services.GetRequiredService<ChannelRegistry>().Find("web")!.Outbound;

        var result = await outbound.SendAsync(AgentFiles(_org.BaseAddress), Ct);

        Assert.Equal(DeliveryOutcomeKind.Succeeded, result.Kind);
        var file = JsonNode.Parse(host.CustomerRequests.Single().Body)!["attachments"]![0]!;
        Assert.Equal(s_pdf, Convert.FromBase64String(file["data"]!.GetValue<string>()));
        Assert.Equal(("menu.pdf", s_pdf.Length), (file["name"]!.GetValue<string>(), file["size"]!.GetValue<int>()));
        Assert.Null(file["url"]);
        Assert.Null(file["expiresAt"]);
    }

    public static TheoryData<string, int, string> BadLinks => new()
    {
        { "tampered-signature", 403, "signature does not match" },
        { "extended-expiry", 403, "signature does not match" },
        { "expired", 410, "The link expired at " },
        { "no-signature", 400, "'expires' (Unix seconds) and 'signature'" },
        { "unreadable-expires", 400, "'expires' (Unix seconds) and 'signature'" },
        { "unknown-id", 404, "is not kept (any more)" },
        { "swept", 404, "Connector:Attachments:Retention" },
        { "inline-channel", 404, "The webhook channel 'inline' sends files inline" },
        { "unknown-channel", 404, "No webhook channel named 'nope'" },
    };

    [Theory]
    [MemberData(nameof(BadLinks))]
    public async Task Get_BadLink_ProblemNamesTheReason(string scenario, int status, string detail)
    {
        var stored = await StoreAsync();
        var now = TimeProvider.System.GetUtcNow();
        var link = Links.Create(stored.Id, now).Url.PathAndQuery;
        var path = link[..link.IndexOf('?', StringComparison.Ordinal)];
        var query = System.Web.HttpUtility.ParseQueryString(link[path.Length..]);
        var (expires, signature) = (long.Parse(query["expires"]!, System.Globalization.CultureInfo.InvariantCulture), query["signature"]!);
        var target = scenario switch
        {
            "tampered-signature" => $"{path}?expires={expires}&signature={(signature[0] == 'A' ? 'B' : 'A')}{signature[1..]}",
            "extended-expiry" => $"{path}?expires={expires + 3600}&signature={signature}",
            "expired" => Links.Create(stored.Id, now.AddHours(-25)).Url.PathAndQuery,
            "no-signature" => $"{path}?expires={expires}",
            "unreadable-expires" => $"{path}?expires=tomorrow&signature={signature}",
            "unknown-id" => Links.Create(new string('a', 32), now).Url.PathAndQuery,
            "swept" => Swept(stored, link),
            "inline-channel" => link.Replace("/webhooks/web/", "/webhooks/inline/", StringComparison.Ordinal),
            _ => link.Replace("/webhooks/web/", "/webhooks/nope/", StringComparison.Ordinal),
        };

        using var response = await _client.GetAsync(new Uri(target, UriKind.Relative), Ct);

        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<ProblemDetails>(Ct);
        Assert.Contains(detail, problem?.Detail, StringComparison.Ordinal);
        if (scenario == "expired")
        {
            Assert.Contains(DateTimeOffset.FromUnixTimeSeconds(now.AddHours(-1).ToUnixTimeSeconds()).ToString("O", System.Globalization.CultureInfo.InvariantCulture),
                problem!.Detail, StringComparison.Ordinal);
        }
    }

    private FileLinks Links => ((WebhookChannel)_host.Services.GetRequiredService<ChannelRegistry>().Find("web")!).FileLinks!;

    private IOutboundChannelAdapter Outbound(string channel) => _host.Services.GetRequiredService<ChannelRegistry>().Find(channel)!.Outbound;

    private async Task<StoredFile> StoreAsync()
    {
        using var content = new MemoryStream(s_pdf);
        return (await _host.Services.GetRequiredService<AttachmentFiles>().SaveAsync("menu.pdf", "application/pdf", content, 1024, Ct))!;
    }

    private string Swept(StoredFile stored, string link)
    {
        var directory = _host.Services.GetRequiredService<IOptions<AttachmentOptions>>().Value.Directory;
        File.Delete(Path.Combine(directory, stored.Id + ".bin"));
        File.Delete(Path.Combine(directory, stored.Id + ".json"));
        return link;
    }

    private static OutboundMessage AgentFiles(Uri org) => new()
    {
        Channel = "web",
        PlatformUserId = "u1",
        EntryIdentifier = "e-files",
        ConversationIdentifier = "conv-1",
        Kind = OutboundKind.Attachment,
        Text = "Today's menu",
        Attachments =
        [
            new OutboundAttachment("menu.pdf", "application/pdf", new Uri(org, "/sfc/menu.pdf").AbsoluteUri),
            new OutboundAttachment("terrace.png", "image/png", new Uri(org, "/sfc/terrace.png").AbsoluteUri),
        ],
    };

    private static async Task<LoopbackServer> StartOrgAsync()
    {
        var app = WebApplication.CreateSlimBuilder().Build();
        app.MapGet("/sfc/menu.pdf", () => Results.Bytes(s_pdf, "application/pdf"));
        app.MapGet("/sfc/terrace.png", () => Results.Bytes(s_png, "image/png"));
        return await LoopbackServer.StartAsync(app, Ct);
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;
}
