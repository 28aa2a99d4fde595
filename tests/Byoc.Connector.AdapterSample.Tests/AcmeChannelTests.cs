using System.Net;
using Byoc.Connector.AdapterSample.Tests.Acme;
using Byoc.Connector.Pipeline;
using Byoc.TestUtilities;
using Microsoft.Extensions.DependencyInjection;

namespace Byoc.Connector.AdapterSample.Tests;

/// <summary>
/// A platform the connector has never heard of, added from another assembly with one <c>AddAcmeChannel</c> call: its
/// signed form posts and its verification handshake go through the front door over real Kestrel, and its messages reach
/// Salesforce, with no change to the connector.
/// </summary>
public sealed class AcmeChannelTests : IAsyncLifetime
{
    private const string AuthToken = "acme-auth-token";
    private const string VerifyToken = "acme-verify-token";

    /// <summary>What Acme was told to call: behind a proxy that strips <c>/byoc</c>, so Kestrel never sees this URL.</summary>
    private static readonly Uri s_publicBaseUrl = new("https://sms.example.com/byoc");

    private FakeSalesforce _salesforce = null!;
    private LoopbackServer _connector = null!;
    private HttpClient _client = null!;

    public async ValueTask InitializeAsync()
    {
        _salesforce = await FakeSalesforce.StartAsync(Ct);
        var directory = Path.GetDirectoryName(_salesforce.PrivateKeyPath)!;
        var app = ConnectorApplication.Create(
        [
            $"--Connector:Storage:Path={Path.Combine(directory, "connector.db")}",
            $"--Connector:Attachments:Directory={Path.Combine(directory, "attachments")}",
            $"--Connector:Salesforce:LoginUrl={_salesforce.BaseAddress}",
            "--Connector:Salesforce:ConsumerKey=consumer-key",
            "--Connector:Salesforce:Username=integration@example.com",
            $"--Connector:Salesforce:PrivateKeyPath={_salesforce.PrivateKeyPath}",
            "--Connector:Salesforce:OrgId=00Dxx0000001gEH",
            $"--Connector:Salesforce:ScrtUrl={_salesforce.BaseAddress}",
            "--Connector:Salesforce:AuthorizationContext=Partner1_ChannelDefinition1",
            "--Connector:Salesforce:RegisterCapabilities=false",
            "--Connector:Salesforce:PubSub:Enabled=false",
            "--Connector:Delivery:PollInterval=00:00:00.050",
            $"--Connector:Channels:PublicBaseUrl={s_publicBaseUrl}",
            "--Sample:Acme:Channels:acme:ChannelAddressIdentifier=11111111-2222-3333-4444-555555555555",
            $"--Sample:Acme:Channels:acme:AuthToken={AuthToken}",
            $"--Sample:Acme:Channels:acme:VerifyToken={VerifyToken}",
            "--Logging:LogLevel:Default=Warning",
        ], builder => builder.AddAcmeChannel());
        _connector = await LoopbackServer.StartAsync(app, Ct);
        _client = _connector.CreateClient();
    }

    public async ValueTask DisposeAsync()
    {
        _client.Dispose();
        await _connector.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        await _salesforce.DisposeAsync();
    }

    [Fact]
    public async Task Post_SignedFormAtTheDoor_AnsweredAsAcmeExpectsAndForwardedToSalesforce()
    {
        using var response = await _client.SendAsync(SignedPost("m-1", "+15550100", "A table for two"), Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/xml", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("<Response/>", await response.Content.ReadAsStringAsync(Ct));
        var interaction = await ForwardedAsync();
        Assert.Equal(("acme:+15550100", "A table for two"), (interaction["from"]!.GetValue<string>(),
            interaction["interactions"]![0]!["payload"]!["abstractMessage"]!["staticContent"]!["text"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Post_SignedOverTheUrlKestrelSees_RefusedBecauseTheDoorUsesThePublicUrl()
    {
        var local = new Uri(_connector.BaseAddress, "/channels/acme?tenant=t1");
        using var request = SignedPost("m-1", "+15550100", "hi", signedUrl: local);

        using var response = await _client.SendAsync(request, Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("X-Acme-Signature does not match", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        await SettleAsync();
        Assert.Empty(_salesforce.Interactions);
    }

    [Fact]
    public async Task Post_UntrustedHostAndForwardedHeaders_PublicUrlStillComesFromPublicBaseUrl()
    {
        var spoofed = new Uri("https://attacker.example/channels/acme?tenant=t1");
        using var signedOverSpoofed = WithSpoofedHost(SignedPost("m-1", "+15550100", "forged", signedUrl: spoofed));
        using var signedOverPublic = WithSpoofedHost(SignedPost("m-2", "+15550100", "genuine"));

        using var refused = await _client.SendAsync(signedOverSpoofed, Ct);
        using var accepted = await _client.SendAsync(signedOverPublic, Ct);

        Assert.Equal((HttpStatusCode.Unauthorized, HttpStatusCode.OK), (refused.StatusCode, accepted.StatusCode));
        await ForwardedAsync();
        await SettleAsync();
        var interaction = Assert.Single(_salesforce.Interactions);
        Assert.Equal("genuine",
            interaction["interactions"]![0]!["payload"]!["abstractMessage"]!["staticContent"]!["text"]!.GetValue<string>());
    }

    [Theory]
    [InlineData(VerifyToken, HttpStatusCode.OK, "1158201444")]
    [InlineData("wrong", HttpStatusCode.Forbidden, "The verify token does not match.")]
    public async Task Get_VerificationHandshake_EchoesTheChallengeOnlyForTheVerifyToken(string token, HttpStatusCode status, string body)
    {
        using var response = await _client.GetAsync(
            new Uri($"/channels/acme?hub.mode=subscribe&hub.verify_token={token}&hub.challenge=1158201444", UriKind.Relative), Ct);

        Assert.Equal(status, response.StatusCode);
        Assert.Contains(body, await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        if (status == HttpStatusCode.OK)
        {
            Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        }
    }

    private static HttpRequestMessage SignedPost(string id, string from, string body, Uri? signedUrl = null)
    {
        KeyValuePair<string, string>[] form = [new("MessageId", id), new("From", from), new("Body", body)];
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/channels/acme?tenant=t1", UriKind.Relative))
        {
            Content = new FormUrlEncodedContent(form),
        };
        request.Headers.Add(AcmeSignature.Header, AcmeSignature.Sign(AuthToken, signedUrl ?? new Uri(s_publicBaseUrl + "/channels/acme?tenant=t1"), form));
        return request;
    }

    /// <summary>A client that claims another host: neither <c>Host</c> nor <c>X-Forwarded-*</c> from it may shape the public URL.</summary>
    private static HttpRequestMessage WithSpoofedHost(HttpRequestMessage request)
    {
        request.Headers.Host = "attacker.example";
        request.Headers.Add("X-Forwarded-Host", "attacker.example");
        request.Headers.Add("X-Forwarded-Proto", "https");
        return request;
    }

    private Task<System.Text.Json.Nodes.JsonNode> ForwardedAsync() =>
        WaitFor.ValueAsync(() => _salesforce.Interactions.TryPeek(out var interaction) ? interaction : null);

    /// <summary>Returns once the connector's queues have nothing left to claim, so "not forwarded" can be asserted.</summary>
    private Task SettleAsync() =>
        _connector.Services.GetRequiredService<PipelineSettling>().WaitUntilSettledAsync(Ct).WaitAsync(WaitFor.DefaultTimeout, Ct);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;
}
