using Byoc.Connector.Channels.Slack;
using Byoc.Connector.Diagnostics.Platforms;
using Byoc.Connector.Hosting;
using Byoc.TestUtilities.Platforms.Slack;

namespace Byoc.Connector.Tests.Diagnostics.Platforms;

/// <summary>The doctor's Slack check: <c>auth.test</c> against the fake Web API.</summary>
public sealed class SlackPlatformCheckTests : IAsyncLifetime
{
    private FakeSlack _slack = null!;

    public async ValueTask InitializeAsync() => _slack = await FakeSlack.StartAsync(cancellationToken: Ct);

    public async ValueTask DisposeAsync() => await _slack.DisposeAsync();

    [Fact]
    public async Task Check_BotTokenValid_PassesNamingTheBotUserAndWorkspace()
    {
        var result = await CheckAsync(Settings());

        Assert.Equal(PlatformCheckStatus.Pass, result.Status);
        Assert.Contains($"bot user {_slack.Options.BotUserId} (bot {_slack.Options.BotId}) of workspace 'Byoc Test' ({_slack.Options.TeamId})",
            result.Evidence, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_WrongToken_FailsWithInvalidAuthAndNeverTheToken()
    {
        var settings = Settings();
        settings.BotToken = "xoxb-not-the-token-0000";

        var result = await CheckAsync(settings);

        Assert.Equal(PlatformCheckStatus.Fail, result.Status);
        Assert.Contains("invalid_auth", result.Evidence, StringComparison.Ordinal);
        Assert.Contains("Connector:Slack:Channels:support:BotToken is not a valid bot token", result.Fix, StringComparison.Ordinal);
        Assert.DoesNotContain(settings.BotToken, result.Evidence + result.Fix, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_SlackUnreachable_FailsNamingTheApiBaseUrl()
    {
        var settings = Settings();
        settings.ApiBaseUrl = new Uri("http://127.0.0.1:1/api/");

        var result = await CheckAsync(settings);

        Assert.Equal(PlatformCheckStatus.Fail, result.Status);
        Assert.Contains("could not be reached", result.Evidence, StringComparison.Ordinal);
        Assert.Contains("http://127.0.0.1:1/api/", result.Fix, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_NoBotToken_FailsWithoutCallingSlack()
    {
        var settings = Settings();
        settings.BotToken = null;

        var result = await CheckAsync(settings);

        Assert.Equal(PlatformCheckStatus.Fail, result.Status);
        Assert.Contains("Connector:Slack:Channels:support:BotToken is missing", result.Evidence, StringComparison.Ordinal);
    }

    [Fact]
    public async Task From_ConnectorConfiguration_OneSlackCheckPerChannel()
    {
        var directory = Directory.CreateTempSubdirectory("byoc-slack-").FullName;
        try
        {
            var config = Path.Combine(directory, "connector.json");
            await File.WriteAllTextAsync(config, $$"""
                { "Connector": { "Slack": { "Channels": { "support": {
                  "BotToken": "{{_slack.Options.BotToken}}", "SigningSecret": "s", "ApiBaseUrl": "{{_slack.ApiBaseUrl}}" } } } } }
                """, Ct);
            using var http = new HttpClient();

            var check = Assert.Single(PlatformChecks.From(ConnectorConfigurationFile.Read(config), http));

            Assert.Equal("slack-support", check.Name);
            Assert.Equal(PlatformCheckStatus.Pass, (await check.CheckAsync(Ct)).Status);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private SlackEndpointOptions Settings() => new()
    {
        ChannelAddressIdentifier = "addr",
        BotToken = _slack.Options.BotToken,
        SigningSecret = _slack.Options.SigningSecret,
        ApiBaseUrl = _slack.ApiBaseUrl,
    };

    private static async Task<PlatformCheckResult> CheckAsync(SlackEndpointOptions settings)
    {
        using var http = new HttpClient();
        return await new SlackPlatformCheck("support", settings, http).CheckAsync(Ct);
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;
}
