using System.Net;
using Byoc.TestUtilities;

namespace Byoc.Connector.Tests;

public sealed class ConnectorApplicationTests
{
    [Fact]
    public async Task Healthz_WhenRunning_ReturnsOk()
    {
        await using var host = await ConnectorHost.StartAsync(TestContext.Current.CancellationToken);
        using var client = host.Connector.CreateClient();

        using var response = await client.GetAsync(new Uri("/healthz", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Start_NoConfiguration_FailsNamingEveryMissingKey()
    {
        var directory = Directory.CreateTempSubdirectory("byoc-empty-").FullName;
        try
        {
            await using var app = ConnectorApplication.Create([$"--Connector:Storage:Path={Path.Combine(directory, "c.db")}",
                "--Connector:Webhook:Channels:web:Secret=not-a-secret"]);

            var ex = await Assert.ThrowsAnyAsync<Exception>(() => LoopbackServer.StartAsync(app, TestContext.Current.CancellationToken));

            foreach (var key in new[]
            {
                "Connector:Salesforce:ConsumerKey", "Connector:Salesforce:Username", "Connector:Salesforce:PrivateKeyPath",
                "Connector:Salesforce:OrgId", "Connector:Salesforce:ScrtUrl", "Connector:Salesforce:AuthorizationContext",
                "Connector:Salesforce:PubSub:Topic", "Connector:Salesforce:PubSub:EventTypeField", "Connector:Salesforce:PubSub:PayloadField",
            })
            {
                Assert.Contains(key, ex.Message, StringComparison.Ordinal);
            }
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public async Task Start_BadWebhookChannel_NamesItsKeysWithoutEchoingTheSecret()
    {
        var directory = Directory.CreateTempSubdirectory("byoc-bad-").FullName;
        try
        {
            await using var app = ConnectorApplication.Create([$"--Connector:Storage:Path={Path.Combine(directory, "c.db")}",
                "--Connector:Webhook:Channels:web:Secret=not-a-secret", "--Connector:Webhook:Channels:web:OutboundUrl=relative/path"]);

            var ex = await Assert.ThrowsAnyAsync<Exception>(() => LoopbackServer.StartAsync(app, TestContext.Current.CancellationToken));

            Assert.Contains("Connector:Webhook:Channels:web:Secret must be 'whsec_'", ex.Message, StringComparison.Ordinal);
            Assert.Contains("Connector:Webhook:Channels:web:ChannelAddressIdentifier is required", ex.Message, StringComparison.Ordinal);
            Assert.Contains("Connector:Webhook:Channels:web:OutboundUrl", ex.Message, StringComparison.Ordinal);
            Assert.DoesNotContain("not-a-secret", ex.Message, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public async Task Start_SameChannelNameOnTwoPlatforms_FailsNamingTheName()
    {
        var ex = await Assert.ThrowsAnyAsync<Exception>(() => ConnectorHost.StartAsync(TestContext.Current.CancellationToken, null,
            $"--Connector:WebChat:Channels:web:ChannelAddressIdentifier={ConnectorHost.ChannelAddress}",
            "--Connector:WebChat:Channels:web:SessionSecret=web-chat-session-secret-for-tests-0123456789"));

        Assert.Contains("The channel name 'web' is configured more than once", ex.Message, StringComparison.Ordinal);
    }
}
