using System.Globalization;
using Byoc.Connector.Channels.Telegram;
using Microsoft.Extensions.Logging.Abstractions;

namespace Byoc.Connector.Diagnostics.Platforms;

/// <summary>
/// <c>byoc doctor</c> for one configured Telegram channel: the bot token is valid (getMe), Telegram delivers to the
/// connector's <c>/channels/{name}</c> (getWebhookInfo's <c>url</c>), and its last delivery error, if updates are waiting.
/// </summary>
internal sealed class TelegramPlatformCheck(string channel, TelegramEndpointOptions settings, Uri? publicBaseUrl, HttpClient http) : IPlatformCheck
{
    public string Name => $"telegram-{channel}";

    public string Title => $"Telegram channel {channel}: bot token valid, webhook at the connector";

    /// <inheritdoc/>
    public async Task<PlatformCheckResult> CheckAsync(CancellationToken cancellationToken)
    {
        var key = $"{TelegramChannelOptions.Section}:Channels:{channel}";
        if (!TelegramSecrets.IsValidBotToken(settings.BotToken))
        {
            return Result(PlatformCheckStatus.Fail, $"{key}:BotToken is missing or not a bot token.", $"Set {key}:BotToken to the token @BotFather gave (/token in @BotFather shows it again).");
        }

        var bot = new TelegramBot(TelegramBot.CreateClient(settings.BotToken!, settings.ApiBaseUrl, http), channel, settings.RequestTimeout, TimeProvider.System,
            NullLogger.Instance);
        var report = await TelegramWebhooks.InspectAsync(bot, cancellationToken);
        if (report.TokenError is { } tokenError)
        {
            return Result(PlatformCheckStatus.Fail, $"getMe: {tokenError}", $"Check {key}:BotToken (a revoked token answers 401 Unauthorized) and that {settings.ApiBaseUrl} is reachable.");
        }

        var name = $"@{report.BotUsername}";
        if (report.WebhookUrl is null)
        {
            return Result(PlatformCheckStatus.Fail, $"{name}: getWebhookInfo failed: {report.LastErrorMessage}", $"Check that {settings.ApiBaseUrl} is reachable.");
        }

        var evidence = $"{name}: webhook '{(report.WebhookUrl.Length == 0 ? "none" : report.WebhookUrl)}', {report.PendingUpdates} update(s) waiting"
            + (report.LastErrorMessage is { } last
                ? $"; last error {report.LastErrorDate?.ToString("u", CultureInfo.InvariantCulture) ?? "(no date)"}: {last}"
                : "; no delivery error");
        var setWebhook = $"Run byoc channels telegram set-webhook --channel {channel} (with the connector's configuration).";
        if ((settings.PublicBaseUrl ?? publicBaseUrl) is not { } baseUrl)
        {
            return Result(PlatformCheckStatus.Skip, evidence + $". No {key}:PublicBaseUrl or Connector:Channels:PublicBaseUrl to compare it with.");
        }

        var expected = TelegramWebhooks.Url(baseUrl, channel);
        if (!report.PointsAt(expected))
        {
            return Result(PlatformCheckStatus.Fail, evidence + $". Expected {expected}.", setWebhook);
        }

        return report.LastErrorMessage is not null && report.PendingUpdates > 0
            ? Result(PlatformCheckStatus.Fail, evidence + ".", $"Telegram cannot deliver to {expected}: it must be reachable over HTTPS from the internet; " +
                "a 401 means the secret token differs from the channel's (set the webhook again). The connector's log names each refusal.")
            : Result(PlatformCheckStatus.Pass, evidence + ".");
    }

    private PlatformCheckResult Result(PlatformCheckStatus status, string evidence, string? fix = null) => new(Name, Title, status, evidence, fix);
}
