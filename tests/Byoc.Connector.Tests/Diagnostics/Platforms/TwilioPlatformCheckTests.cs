using Byoc.Connector.Channels.Twilio;
using Byoc.Connector.Diagnostics.Platforms;
using Byoc.Connector.Hosting;
using Byoc.TestUtilities.Platforms.Twilio;

namespace Byoc.Connector.Tests.Diagnostics.Platforms;

/// <summary>The doctor's Twilio check against the fake's Account, IncomingPhoneNumbers and Messaging Service resources.</summary>
public sealed class TwilioPlatformCheckTests : IAsyncLifetime
{
    private static readonly Uri s_public = new("https://sms.example.com/byoc");
    private FakeTwilio _twilio = null!;

    public async ValueTask InitializeAsync() => _twilio = await FakeTwilio.StartAsync(cancellationToken: Ct);

    public async ValueTask DisposeAsync() => await _twilio.DisposeAsync();

    [Fact]
    public async Task Check_NumbersWebhookAtTheConnector_Passes()
    {
        _twilio.WebhookUrl = new Uri("https://sms.example.com/byoc/channels/sms#rc=3");

        var result = await CheckAsync(Settings());

        Assert.Equal(PlatformCheckStatus.Pass, result.Status);
        Assert.Contains("is active", result.Evidence, StringComparison.Ordinal);
        Assert.Contains($"number {_twilio.PhoneNumber} webhook 'https://sms.example.com/byoc/channels/sms#rc=3'", result.Evidence, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_NumbersWebhookElsewhere_FailsNamingTheUrlToSet()
    {
        _twilio.WebhookUrl = new Uri("https://demo.twilio.com/welcome/sms/reply");

        var result = await CheckAsync(Settings());

        Assert.Equal(PlatformCheckStatus.Fail, result.Status);
        Assert.Contains("Expected https://sms.example.com/byoc/channels/sms.", result.Evidence, StringComparison.Ordinal);
        Assert.Contains("\"A message comes in\" webhook to https://sms.example.com/byoc/channels/sms", result.Fix, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_WrongAuthToken_FailsWithTwiliosCodeAndNeverTheToken()
    {
        var settings = Settings();
        settings.AuthToken = "not-the-token-0000000000000000000";

        var result = await CheckAsync(settings);

        Assert.Equal(PlatformCheckStatus.Fail, result.Status);
        Assert.Contains("401, error 20003", result.Evidence, StringComparison.Ordinal);
        Assert.DoesNotContain(settings.AuthToken, result.Evidence + result.Fix, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_NumberNotOnTheAccount_Fails()
    {
        var settings = Settings();
        settings.From = "+15550009999";

        var result = await CheckAsync(settings);

        Assert.Equal(PlatformCheckStatus.Fail, result.Status);
        Assert.Contains("+15550009999 is not a phone number of this account", result.Evidence, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_MessagingService_ComparesItsInboundRequestUrl()
    {
        var settings = Settings();
        settings.From = null;
        settings.MessagingServiceSid = _twilio.MessagingServiceSid;
        _twilio.WebhookUrl = new Uri("https://sms.example.com/byoc/channels/sms");

        var pass = await CheckAsync(settings);
        _twilio.WebhookUrl = new Uri("https://old.example.com/sms");
        var fail = await CheckAsync(settings);

        Assert.Equal((PlatformCheckStatus.Pass, PlatformCheckStatus.Fail), (pass.Status, fail.Status));
        Assert.Contains($"messaging service {_twilio.MessagingServiceSid} webhook 'https://old.example.com/sms'", fail.Evidence, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_NoPublicBaseUrl_SkipsTheWebhookAfterCheckingTheCredentials()
    {
        using var http = new HttpClient();

        var result = await new TwilioPlatformCheck("sms", Settings(), null, http).CheckAsync(Ct);

        Assert.Equal(PlatformCheckStatus.Skip, result.Status);
        Assert.Contains("is active", result.Evidence, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Settings_AuthTokenFromAFile_ReadAsTheConnectorReadsIt()
    {
        var directory = Directory.CreateTempSubdirectory("byoc-twilio-").FullName;
        try
        {
            var token = Path.Combine(directory, "token");
            await File.WriteAllTextAsync(token, _twilio.AuthToken + "\n", Ct);
            var config = Path.Combine(directory, "connector.json");
            await File.WriteAllTextAsync(config, $$"""
                { "Connector": { "Channels": { "PublicBaseUrl": "{{s_public}}" }, "Twilio": { "Channels": { "sms": {
                  "AccountSid": "{{_twilio.AccountSid}}", "AuthToken_FILE": "{{token}}", "From": "{{_twilio.PhoneNumber}}" } } } } }
                """, Ct);

            var settings = TwilioSettings.From(ConnectorConfigurationFile.Read(config));

            Assert.Equal(_twilio.AuthToken, settings.Channels["sms"].AuthToken);
            Assert.Equal(s_public, settings.PublicBaseUrl);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private TwilioEndpointOptions Settings() => new()
    {
        ChannelAddressIdentifier = "addr",
        AccountSid = _twilio.AccountSid,
        AuthToken = _twilio.AuthToken,
        From = _twilio.PhoneNumber,
        ApiBaseUrl = _twilio.BaseAddress,
    };

    private static async Task<PlatformCheckResult> CheckAsync(TwilioEndpointOptions settings)
    {
        using var http = new HttpClient();
        return await new TwilioPlatformCheck("sms", settings, s_public, http).CheckAsync(Ct);
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;
}
