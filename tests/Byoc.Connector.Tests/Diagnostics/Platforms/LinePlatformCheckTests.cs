using Byoc.Connector.Channels.Line;
using Byoc.Connector.Diagnostics.Platforms;
using Byoc.Connector.Hosting;
using Byoc.TestUtilities.Platforms.Line;

namespace Byoc.Connector.Tests.Diagnostics.Platforms;

/// <summary>The doctor's LINE check against the fake Messaging API's bot info.</summary>
public sealed class LinePlatformCheckTests : IAsyncLifetime
{
    private FakeLine _line = null!;

    public async ValueTask InitializeAsync() => _line = await FakeLine.StartAsync(cancellationToken: Ct);

    public async ValueTask DisposeAsync() => await _line.DisposeAsync();

    [Fact]
    public async Task Check_TokenReadsTheBotInfo_PassesWithTheAccountsNameAndBasicId()
    {
        var result = await CheckAsync(Settings());

        Assert.Equal(PlatformCheckStatus.Pass, result.Status);
        Assert.Contains($"'{_line.Options.DisplayName}' ({_line.Options.BasicId}, user id {_line.Options.BotUserId}), chat mode chat",
            result.Evidence, StringComparison.Ordinal);
        Assert.Single(_line.Requests.Items, r => r.Path == "/v2/bot/info" && r.Status == 200);
    }

    [Fact]
    public async Task Check_WrongToken_FailsWith401NamingTheKeyAndNeverTheToken()
    {
        var settings = Settings();
        settings.ChannelAccessToken = "not-the-channel-access-token";

        var result = await CheckAsync(settings);

        Assert.Equal(PlatformCheckStatus.Fail, result.Status);
        Assert.Contains("(401)", result.Evidence, StringComparison.Ordinal);
        Assert.Contains("Connector:Line:Channels:line:ChannelAccessToken is invalid or revoked", result.Fix, StringComparison.Ordinal);
        Assert.DoesNotContain(settings.ChannelAccessToken, result.Evidence + result.Fix, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_ApiUnreachable_FailsNamingTheApiBaseUrl()
    {
        var settings = Settings();
        settings.ApiBaseUrl = new Uri("http://127.0.0.1:1");

        var result = await CheckAsync(settings);

        Assert.Equal(PlatformCheckStatus.Fail, result.Status);
        Assert.Contains("could not be reached", result.Evidence, StringComparison.Ordinal);
        Assert.Contains("http://127.0.0.1:1", result.Fix, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_NoToken_FailsWithoutCallingLine()
    {
        var settings = Settings();
        settings.ChannelAccessToken = null;

        var result = await CheckAsync(settings);

        Assert.Equal(PlatformCheckStatus.Fail, result.Status);
        Assert.Contains("Connector:Line:Channels:line:ChannelAccessToken is missing", result.Evidence, StringComparison.Ordinal);
        Assert.Empty(_line.Requests.Items);
    }

    [Fact]
    public async Task Settings_TokenFromAFile_ReadAsTheConnectorReadsItAndListedByTheDoctor()
    {
        var directory = Directory.CreateTempSubdirectory("byoc-line-").FullName;
        try
        {
            var token = Path.Combine(directory, "token");
            await File.WriteAllTextAsync(token, _line.Options.ChannelAccessToken + "\n", Ct);
            var config = Path.Combine(directory, "connector.json");
            await File.WriteAllTextAsync(config, $$"""
                { "Connector": { "Line": { "Channels": { "line": {
                  "ChannelAccessToken_FILE": "{{token}}", "ApiBaseUrl": "{{_line.BaseAddress}}" } } } } }
                """, Ct);
            var configuration = ConnectorConfigurationFile.Read(config);

            var settings = LineSettings.From(configuration);
            using var http = new HttpClient();
            var checks = PlatformChecks.From(configuration, http);

            Assert.Equal(_line.Options.ChannelAccessToken, settings.Channels["line"].ChannelAccessToken);
            Assert.Equal("line-line", Assert.Single(checks).Name);
            Assert.Equal(PlatformCheckStatus.Pass, (await checks[0].CheckAsync(Ct)).Status);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private LineEndpointOptions Settings() => new()
    {
        ChannelAccessToken = _line.Options.ChannelAccessToken,
        ApiBaseUrl = _line.BaseAddress,
    };

    private static async Task<PlatformCheckResult> CheckAsync(LineEndpointOptions settings)
    {
        using var http = new HttpClient();
        return await new LinePlatformCheck("line", settings, http).CheckAsync(Ct);
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;
}
