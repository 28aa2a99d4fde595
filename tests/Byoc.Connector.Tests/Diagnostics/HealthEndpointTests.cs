using System.Net;
using System.Text.Json;

namespace Byoc.Connector.Tests.Diagnostics;

public sealed class HealthEndpointTests
{
    [Fact]
    public async Task Ready_AllChecksPass_ReturnsHealthyNamingEachCheck()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var host = await ConnectorHost.StartAsync(ct);
        using var client = host.Connector.CreateClient();

        using var response = await client.GetAsync(new Uri("/healthz/ready", UriKind.Relative), ct);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(ct));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", body.RootElement.GetProperty("status").GetString());
        var checks = body.RootElement.GetProperty("checks");
        foreach (var name in new[] { "store", "salesforce-token", "pubsub" })
        {
            Assert.Equal("Healthy", checks.GetProperty(name).GetProperty("status").GetString());
        }

        Assert.DoesNotContain("token-", checks.GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ready_TokenRefused_Returns503NamingTheTokenCheckWhileLivenessStaysUp()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var host = await ConnectorHost.StartAsync(ct);
        host.Token.RefuseWith = "invalid_grant";
        using var client = host.Connector.CreateClient();

        using var ready = await client.GetAsync(new Uri("/healthz/ready", UriKind.Relative), ct);
        using var live = await client.GetAsync(new Uri("/healthz/live", UriKind.Relative), ct);
        using var body = JsonDocument.Parse(await ready.Content.ReadAsStringAsync(ct));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        Assert.Equal("Unhealthy", body.RootElement.GetProperty("checks").GetProperty("salesforce-token").GetProperty("status").GetString());
        Assert.Equal("Healthy", body.RootElement.GetProperty("checks").GetProperty("store").GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
    }

    [Fact]
    public async Task Ready_PubSubEnabledButUnreachable_ReportsPubSubUnhealthy()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var host = await ConnectorHost.StartAsync(ct, null,
            "--Connector:Salesforce:PubSub:Enabled=true",
            "--Connector:Salesforce:PubSub:Endpoint=http://127.0.0.1:9",
            "--Connector:Salesforce:PubSub:Topic=/event/Conversation__e",
            "--Connector:Salesforce:PubSub:EventTypeField=EventType__c",
            "--Connector:Salesforce:PubSub:PayloadField=Payload__c");
        using var client = host.Connector.CreateClient();

        using var ready = await client.GetAsync(new Uri("/healthz/ready", UriKind.Relative), ct);
        using var body = JsonDocument.Parse(await ready.Content.ReadAsStringAsync(ct));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        Assert.Equal("Unhealthy", body.RootElement.GetProperty("checks").GetProperty("pubsub").GetProperty("status").GetString());
    }

    [Fact]
    public async Task Start_IdentifierHashKeyNotBase64_FailsNamingTheKey()
    {
        var ct = TestContext.Current.CancellationToken;

        var ex = await Assert.ThrowsAnyAsync<Exception>(() =>
            ConnectorHost.StartAsync(ct, null, "--Connector:Telemetry:IdentifierHashKey=not base64!"));

        Assert.Contains("Connector:Telemetry:IdentifierHashKey must be base64", ex.Message, StringComparison.Ordinal);
    }
}
