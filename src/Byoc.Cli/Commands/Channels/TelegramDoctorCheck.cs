using System.Globalization;
using Byoc.Connector.Channels.Telegram;
using Byoc.Setup.Checks;
using Microsoft.Extensions.Logging.Abstractions;

namespace Byoc.Cli.Commands.Channels;

/// <summary>
/// <c>byoc doctor</c> for one configured Telegram channel: the bot token is valid (getMe), Telegram delivers to the
/// connector's <c>/channels/{name}</c> (getWebhookInfo's <c>url</c>), and its last delivery error, if updates are waiting.
/// </summary>
internal sealed class TelegramDoctorCheck(string channel, TelegramEndpointOptions settings, Uri? publicBaseUrl, HttpClient http) : IPlatformDoctorCheck
{
    public string Name => $"telegram-{channel}";

    public string Title => $"Telegram channel {channel}: bot token valid, webhook at the connector";

    public Task<CheckResult> RunAsync(DoctorContext context, CancellationToken cancellationToken) => CheckAsync(cancellationToken);

    /// <summary>The check itself; it needs nothing of the org.</summary>
    public async Task<CheckResult> CheckAsync(CancellationToken cancellationToken)
    {
        var key = $"{TelegramChannelOptions.Section}:Channels:{channel}";
        if (!TelegramSecrets.IsValidBotToken(settings.BotToken))
        {
            return Result(CheckStatus.Fail, $"{key}:BotToken is missing or not a bot token.", $"Set {key}:BotToken to the token @BotFather gave (/token in @BotFather shows it again).");
        }

        var bot = new TelegramBot(TelegramBot.CreateClient(settings.BotToken!, settings.ApiBaseUrl, http), channel, settings.RequestTimeout, TimeProvider.System,
            NullLogger.Instance);
        var report = await TelegramWebhooks.InspectAsync(bot, cancellationToken);
        if (report.TokenError is { } tokenError)
        {
            return Result(CheckStatus.Fail, $"getMe: {tokenError}", $"Check {key}:BotToken (a revoked token answers 401 Unauthorized) and that {settings.ApiBaseUrl} is reachable.");
        }

        var name = $"@{report.BotUsername}";
        if (report.WebhookUrl is null)
        {
            return Result(CheckStatus.Fail, $"{name}: getWebhookInfo failed: {report.LastErrorMessage}", $"Check that {settings.ApiBaseUrl} is reachable.");
        }

        var evidence = $"{name}: webhook '{(report.WebhookUrl.Length == 0 ? "none" : report.WebhookUrl)}', {report.PendingUpdates} update(s) waiting"
            + (report.LastErrorMessage is { } last
                ? $"; last error {report.LastErrorDate?.ToString("u", CultureInfo.InvariantCulture) ?? "(no date)"}: {last}"
                : "; no delivery error");
        var setWebhook = $"Run byoc channels telegram set-webhook --channel {channel} (with the connector's configuration).";
        if ((settings.PublicBaseUrl ?? publicBaseUrl) is not { } baseUrl)
        {
            return Result(CheckStatus.Skip, evidence + $". No {key}:PublicBaseUrl or Connector:Channels:PublicBaseUrl to compare it with.");
        }

        var expected = TelegramWebhooks.Url(baseUrl, channel);
        if (!report.PointsAt(expected))
        {
            return Result(CheckStatus.Fail, evidence + $". Expected {expected}.", setWebhook);
        }

        return report.LastErrorMessage is not null && report.PendingUpdates > 0
            ? Result(CheckStatus.Fail, evidence + ".", $"Telegram cannot deliver to {expected}: it must be reachable over HTTPS from the internet; " +
                "a 401 means the secret token differs from the channel's (set the webhook again). The connector's log names each refusal.")
            : Result(CheckStatus.Pass, evidence + ".");
    }

    private CheckResult Result(CheckStatus status, string evidence, string? fix = null) => new(Name, Title, status, evidence, fix);
}
