using Byoc.Connector.Channels.Meta;
using Byoc.Connector.Diagnostics.Platforms;
using Byoc.Connector.Hosting;
using Byoc.TestUtilities.Platforms.Meta;

namespace Byoc.Connector.Tests.Diagnostics.Platforms;

/// <summary>The doctor's Messenger check against the fake Messenger's <c>GET /me</c>.</summary>
public sealed class MessengerPlatformCheckTests : IAsyncLifetime
{
    private FakeMessenger _messenger = null!;

    public async ValueTask InitializeAsync() => _messenger = await FakeMessenger.StartAsync(cancellationToken: Ct);

    public async ValueTask DisposeAsync() => await _messenger.DisposeAsync();

    [Fact]
    public async Task Check_TokenReadsItsPage_PassesWithThePageName()
    {
        var result = await CheckAsync(Settings());

        Assert.Equal(PlatformCheckStatus.Pass, result.Status);
        Assert.Contains($"Page {_messenger.Options.PageId}'s, '{_messenger.Options.PageName}'", result.Evidence, StringComparison.Ordinal);
        Assert.Contains("BYOC Connector is subscribed to the Page's messages, messaging_postbacks, message_deliveries, message_reads",
            result.Evidence, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_AppSubscribedWithoutReceiptFields_FailsNamingThem()
    {
        _messenger.Options.SubscribedFields.Remove("message_deliveries");
        _messenger.Options.SubscribedFields.Remove("message_reads");

        var result = await CheckAsync(Settings());

        Assert.Equal(PlatformCheckStatus.Fail, result.Status);
        Assert.Contains("without message_deliveries, message_reads", result.Evidence, StringComparison.Ordinal);
        Assert.Contains($"subscribe Page {_messenger.Options.PageId} to message_deliveries, message_reads too", result.Fix, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_NoAppSubscribedToThePage_FailsSayingMetaSendsNothing()
    {
        _messenger.Options.SubscribedFields.Clear();

        var result = await CheckAsync(Settings());

        Assert.Equal(PlatformCheckStatus.Fail, result.Status);
        Assert.Contains("No app is subscribed to the Page's webhooks", result.Evidence, StringComparison.Ordinal);
        Assert.Contains("add Page", result.Fix, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_WrongToken_FailsWithError190AndNeverTheToken()
    {
        var settings = Settings();
        settings.PageAccessToken = "EAAnot-the-page-token-0000000";

        var result = await CheckAsync(settings);

        Assert.Equal(PlatformCheckStatus.Fail, result.Status);
        Assert.Contains("error 190", result.Evidence, StringComparison.Ordinal);
        Assert.Contains("PageAccessToken is invalid or expired", result.Fix, StringComparison.Ordinal);
        Assert.DoesNotContain(settings.PageAccessToken, result.Evidence + result.Fix, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_TokenOfAnotherPage_FailsNamingThePageIdToSet()
    {
        var settings = Settings();
        settings.PageId = "109999999999999";

        var result = await CheckAsync(settings);

        Assert.Equal(PlatformCheckStatus.Fail, result.Status);
        Assert.Contains($"belongs to Page {_messenger.Options.PageId}", result.Evidence, StringComparison.Ordinal);
        Assert.Contains($"Set Connector:Messenger:Channels:fb:PageId to {_messenger.Options.PageId}", result.Fix, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_GraphUnreachable_FailsNamingTheGraphBaseUrl()
    {
        var settings = Settings();
        settings.GraphBaseUrl = new Uri("http://127.0.0.1:1");

        var result = await CheckAsync(settings);

        Assert.Equal(PlatformCheckStatus.Fail, result.Status);
        Assert.Contains("could not be reached", result.Evidence, StringComparison.Ordinal);
        Assert.Contains("http://127.0.0.1:1", result.Fix, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ChannelDoctorChecks_ConfigurationWithAMessengerChannel_OneMessengerCheck()
    {
        var directory = Directory.CreateTempSubdirectory("byoc-messenger-").FullName;
        try
        {
            var token = Path.Combine(directory, "token");
            await File.WriteAllTextAsync(token, _messenger.Options.PageAccessToken + "\n", Ct);
            var config = Path.Combine(directory, "connector.json");
            await File.WriteAllTextAsync(config, $$"""
                { "Connector": { "Messenger": { "Channels": { "fb": {
                  "PageAccessToken_FILE": "{{token}}", "PageId": "{{_messenger.Options.PageId}}", "GraphBaseUrl": "{{_messenger.BaseAddress}}" } } } } }
                """, Ct);
            using var http = new HttpClient();

            var check = Assert.Single(PlatformChecks.From(ConnectorConfigurationFile.Read(config), http));

            Assert.Equal("messenger-fb", check.Name);
            Assert.Equal(PlatformCheckStatus.Pass, (await ((MessengerPlatformCheck)check).CheckAsync(Ct)).Status);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private MessengerEndpointOptions Settings() => new()
    {
        ChannelAddressIdentifier = "addr",
        PageAccessToken = _messenger.Options.PageAccessToken,
        PageId = _messenger.Options.PageId,
        GraphBaseUrl = _messenger.BaseAddress,
    };

    private static async Task<PlatformCheckResult> CheckAsync(MessengerEndpointOptions settings)
    {
        using var http = new HttpClient();
        return await new MessengerPlatformCheck("fb", settings, http).CheckAsync(Ct);
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;
}
