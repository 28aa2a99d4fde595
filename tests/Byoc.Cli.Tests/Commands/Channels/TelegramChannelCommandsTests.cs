using Byoc.Connector.Channels.Telegram;
using Byoc.Connector.Diagnostics.Platforms;
using Byoc.TestUtilities.Platforms.Telegram;

namespace Byoc.Cli.Tests.Commands.Channels;

/// <summary><c>byoc channels telegram set-webhook</c> and the doctor's Telegram check, against the fake Bot API.</summary>
public sealed class TelegramChannelCommandsTests : IAsyncLifetime
{
    private const string Secret = "Cli_Secret-Token";
    private FakeTelegram _telegram = null!;
    private string _config = null!;

    public async ValueTask InitializeAsync()
    {
        _telegram = await FakeTelegram.StartAsync(cancellationToken: Ct);
        _config = Path.Combine(Path.GetTempPath(), $"byoc-telegram-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(_config, $$"""
            {
              "Connector": {
                "Channels": { "PublicBaseUrl": "https://chat.example.com/byoc" },
                "Telegram": { "Channels": { "tg": {
                  "ChannelAddressIdentifier": "addr", "BotToken": "{{_telegram.Token}}", "SecretToken": "{{Secret}}", "ApiBaseUrl": "{{_telegram.BaseAddress}}" } } }
              }
            }
            """, Ct);
    }

    public async ValueTask DisposeAsync()
    {
        File.Delete(_config);
        await _telegram.DisposeAsync();
    }

    [Fact]
    public async Task SetWebhook_FromConfigurationFile_SetsUrlAndSecretAndIsIdempotent()
    {
        var (first, output, _) = await InvokeAsync("channels", "telegram", "set-webhook", "--channel", "tg", "--config", _config);
        var (second, _, _) = await InvokeAsync("channels", "telegram", "set-webhook", "--channel", "tg", "--config", _config);

        Assert.Equal((0, 0), (first, second));
        Assert.Equal(new Uri("https://chat.example.com/byoc/channels/tg"), _telegram.Webhook!.Url);
        Assert.Equal(Secret, _telegram.Webhook.SecretToken);
        Assert.Equal(["message", "callback_query"], _telegram.Webhook.AllowedUpdates);
        Assert.Contains("@byoc_test_bot is https://chat.example.com/byoc/channels/tg", output, StringComparison.Ordinal);
        Assert.DoesNotContain(_telegram.Token, output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SetWebhook_FlagsOverTheFile_FlagsWin()
    {
        var (exit, _, _) = await InvokeAsync("channels", "telegram", "set-webhook", "--channel", "tg", "--config", _config, "--public-url", "https://other.example.com");

        Assert.Equal(0, exit);
        Assert.Equal(new Uri("https://other.example.com/channels/tg"), _telegram.Webhook!.Url);
    }

    [Fact]
    public async Task SetWebhook_NothingConfigured_ExitsInvalidUsageNamingEachKey()
    {
        var (exit, _, error) = await InvokeAsync("channels", "telegram", "set-webhook", "--channel", "nowhere");

        Assert.Equal(2, exit);
        Assert.Contains("Connector:Telegram:Channels:nowhere:BotToken", error, StringComparison.Ordinal);
        Assert.Contains("Connector:Telegram:Channels:nowhere:SecretToken", error, StringComparison.Ordinal);
        Assert.Contains("--public-url", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SetWebhook_TokenTelegramRejects_ExitsFailureWithoutPrintingIt()
    {
        var (exit, output, error) = await InvokeAsync("channels", "telegram", "set-webhook", "--channel", "tg", "--config", _config, "--bot-token", "123:wrong-token");

        Assert.Equal(1, exit);
        Assert.Contains("Unauthorized (401)", error, StringComparison.Ordinal);
        Assert.DoesNotContain("wrong-token", output + error, StringComparison.Ordinal);
        Assert.Null(_telegram.Webhook);
    }

    [Fact]
    public async Task DoctorCheck_WebhookAtTheConnector_Passes()
    {
        await _telegram.SetWebhookAsync(new Uri("https://chat.example.com/byoc/channels/tg"), Secret, Ct);

        var result = await CheckAsync(new Uri("https://chat.example.com/byoc"));

        Assert.Equal(PlatformCheckStatus.Pass, result.Status);
        Assert.Contains("@byoc_test_bot: webhook 'https://chat.example.com/byoc/channels/tg'", result.Evidence, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DoctorCheck_WebhookElsewhere_FailsWithTheFix()
    {
        await _telegram.SetWebhookAsync(new Uri("https://old.example.com/hook"), Secret, Ct);

        var result = await CheckAsync(new Uri("https://chat.example.com/byoc"));

        Assert.Equal(PlatformCheckStatus.Fail, result.Status);
        Assert.Contains("Expected https://chat.example.com/byoc/channels/tg", result.Evidence, StringComparison.Ordinal);
        Assert.Contains("byoc channels telegram set-webhook --channel tg", result.Fix, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DoctorCheck_TelegramCannotDeliver_FailsShowingItsLastError()
    {
        await using var unreachable = await FakeTelegram.StartAsync(new FakeTelegramOptions { AllowInsecureLoopbackWebhooks = true, FirstRetryDelay = TimeSpan.FromHours(1) }, Ct);
        await unreachable.SetWebhookAsync(new Uri("http://127.0.0.1:1/channels/tg"), Secret, Ct);
        var update = await unreachable.SendTextAsync(5, "hello", Ct);
        await unreachable.WebhookAttempts.WaitForAsync(a => a.Id == update.UpdateId.ToString(System.Globalization.CultureInfo.InvariantCulture), Ct)
            .WaitAsync(TimeSpan.FromSeconds(15), Ct);

        var result = await CheckAsync(new Uri("http://127.0.0.1:1"), unreachable);

        Assert.Equal(PlatformCheckStatus.Fail, result.Status);
        Assert.Contains("1 update(s) waiting; last error", result.Evidence, StringComparison.Ordinal);
        Assert.Contains("Connection refused", result.Evidence, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DoctorCheck_InvalidToken_Fails()
    {
        using var http = new HttpClient();
        var settings = new TelegramEndpointOptions { BotToken = "123:revoked", ApiBaseUrl = _telegram.BaseAddress };

        var result = await new TelegramPlatformCheck("tg", settings, null, http).CheckAsync(Ct);

        Assert.Equal(PlatformCheckStatus.Fail, result.Status);
        Assert.Contains("getMe", result.Evidence, StringComparison.Ordinal);
        Assert.Contains("Unauthorized", result.Evidence, StringComparison.Ordinal);
    }

    private async Task<PlatformCheckResult> CheckAsync(Uri publicBaseUrl, FakeTelegram? telegram = null)
    {
        telegram ??= _telegram;
        using var http = new HttpClient();
        var settings = new TelegramEndpointOptions { BotToken = telegram.Token, SecretToken = Secret, ApiBaseUrl = telegram.BaseAddress };
        return await new TelegramPlatformCheck("tg", settings, publicBaseUrl, http).CheckAsync(Ct);
    }

    private static async Task<(int ExitCode, string Output, string Error)> InvokeAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = await ByocCommandLine.InvokeAsync(args, output, error, Ct);
        return (exitCode, output.ToString(), error.ToString());
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;
}
