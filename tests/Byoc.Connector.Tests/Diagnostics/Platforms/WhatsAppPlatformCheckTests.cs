using Byoc.Connector.Channels.Meta;
using Byoc.Connector.Diagnostics.Platforms;
using Byoc.Connector.Hosting;
using Byoc.TestUtilities.Platforms.Meta;

namespace Byoc.Connector.Tests.Diagnostics.Platforms;

/// <summary>The doctor's WhatsApp check against the fake Cloud API's phone number resource.</summary>
public sealed class WhatsAppPlatformCheckTests : IAsyncLifetime
{
    private FakeMeta _meta = null!;

    public async ValueTask InitializeAsync() => _meta = await FakeMeta.StartAsync(cancellationToken: Ct);

    public async ValueTask DisposeAsync() => await _meta.DisposeAsync();

    [Fact]
    public async Task Check_TokenReadsThePhoneNumber_PassesWithTheNumberAndVerifiedName()
    {
        var result = await CheckAsync(Settings());

        Assert.Equal(PlatformCheckStatus.Pass, result.Status);
        Assert.Contains($"Phone number id {_meta.Options.PhoneNumberId} is {_meta.Options.DisplayPhoneNumber} '{_meta.Options.VerifiedName}', quality GREEN",
            result.Evidence, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_BusinessAccountWithTheAppSubscribed_PassesNamingTheApp()
    {
        var settings = Settings();
        settings.BusinessAccountId = _meta.Options.BusinessAccountId;

        var result = await CheckAsync(settings);

        Assert.Equal(PlatformCheckStatus.Pass, result.Status);
        Assert.Contains($"Business account {_meta.Options.BusinessAccountId}'s webhooks go to BYOC Connector.", result.Evidence, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_BusinessAccountWithoutASubscribedApp_FailsWithTheSubscribeCall()
    {
        _meta.Options.AppSubscribed = false;
        var settings = Settings();
        settings.BusinessAccountId = _meta.Options.BusinessAccountId;

        var result = await CheckAsync(settings);

        Assert.Equal(PlatformCheckStatus.Fail, result.Status);
        Assert.Contains("No app is subscribed to business account", result.Evidence, StringComparison.Ordinal);
        Assert.Contains($"/{_meta.Options.BusinessAccountId}/subscribed_apps", result.Fix, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_UnknownBusinessAccount_FailsNamingTheKey()
    {
        var settings = Settings();
        settings.BusinessAccountId = "109999999999999";

        var result = await CheckAsync(settings);

        Assert.Equal(PlatformCheckStatus.Fail, result.Status);
        Assert.Contains("Check Connector:WhatsApp:Channels:", result.Fix, StringComparison.Ordinal);
        Assert.Contains(":BusinessAccountId", result.Fix, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_WrongToken_FailsWithError190AndNeverTheToken()
    {
        var settings = Settings();
        settings.AccessToken = "EAAnot-the-token-000000000000";

        var result = await CheckAsync(settings);

        Assert.Equal(PlatformCheckStatus.Fail, result.Status);
        Assert.Contains("401, error 190", result.Evidence, StringComparison.Ordinal);
        Assert.Contains("AccessToken is invalid or expired", result.Fix, StringComparison.Ordinal);
        Assert.DoesNotContain(settings.AccessToken, result.Evidence + result.Fix, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_PhoneNumberIdNotTheTokens_FailsNamingThePhoneNumberId()
    {
        var settings = Settings();
        settings.PhoneNumberId = "109999999999999";

        var result = await CheckAsync(settings);

        Assert.Equal(PlatformCheckStatus.Fail, result.Status);
        Assert.Contains("400, error 100", result.Evidence, StringComparison.Ordinal);
        Assert.Contains("Check Connector:WhatsApp:Channels:wa:PhoneNumberId", result.Fix, StringComparison.Ordinal);
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
    public async Task Check_NoAccessToken_FailsWithoutCallingMeta()
    {
        var settings = Settings();
        settings.AccessToken = null;

        var result = await CheckAsync(settings);

        Assert.Equal(PlatformCheckStatus.Fail, result.Status);
        Assert.Contains("Connector:WhatsApp:Channels:wa:AccessToken or", result.Evidence, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Settings_AccessTokenFromAFile_ReadAsTheConnectorReadsIt()
    {
        var directory = Directory.CreateTempSubdirectory("byoc-whatsapp-").FullName;
        try
        {
            var token = Path.Combine(directory, "token");
            await File.WriteAllTextAsync(token, _meta.Options.AccessToken + "\n", Ct);
            var config = Path.Combine(directory, "connector.json");
            await File.WriteAllTextAsync(config, $$"""
                { "Connector": { "WhatsApp": { "Channels": { "wa": {
                  "AccessToken_FILE": "{{token}}", "PhoneNumberId": "{{_meta.Options.PhoneNumberId}}", "GraphBaseUrl": "{{_meta.BaseAddress}}" } } } } }
                """, Ct);

            var settings = WhatsAppSettings.From(ConnectorConfigurationFile.Read(config));

            Assert.Equal(_meta.Options.AccessToken, settings.Channels["wa"].AccessToken);
            Assert.Equal(PlatformCheckStatus.Pass, (await CheckAsync(settings.Channels["wa"])).Status);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private WhatsAppEndpointOptions Settings() => new()
    {
        ChannelAddressIdentifier = "addr",
        AccessToken = _meta.Options.AccessToken,
        PhoneNumberId = _meta.Options.PhoneNumberId,
        GraphBaseUrl = _meta.BaseAddress,
    };

    private static async Task<PlatformCheckResult> CheckAsync(WhatsAppEndpointOptions settings)
    {
        using var http = new HttpClient();
        return await new WhatsAppPlatformCheck("wa", settings, http).CheckAsync(Ct);
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;
}
