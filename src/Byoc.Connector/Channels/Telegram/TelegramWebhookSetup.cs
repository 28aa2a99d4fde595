using Microsoft.Extensions.Logging.Abstractions;

namespace Byoc.Connector.Channels.Telegram;

/// <summary>
/// Points a bot's webhook at the connector's front door from outside the connector (<c>byoc channels telegram
/// set-webhook</c>): the settings' problems first, then setWebhook and a look at what Telegram holds.
/// </summary>
public static class TelegramWebhookSetup
{
    /// <summary>What stops <paramref name="settings"/> from setting channel <paramref name="channel"/>'s webhook, each as a sentence with its fix; empty when nothing does.</summary>
    public static IReadOnlyList<string> Problems(string channel, TelegramEndpointOptions settings, Uri? publicBaseUrl)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var key = $"{TelegramChannelOptions.Section}:Channels:{channel}";
        var problems = new List<string>();
        if (!TelegramSecrets.IsValidBotToken(settings.BotToken))
        {
            problems.Add($"no valid bot token: set {key}:BotToken or --bot-token ('<bot id>:<secret>', as @BotFather gives it).");
        }

        if (!TelegramSecrets.IsValidSecretToken(settings.SecretToken))
        {
            problems.Add($"no valid secret token: set {key}:SecretToken or --secret-token (1-256 of A-Z, a-z, 0-9, '_' and '-').");
        }

        if (!TelegramChannelOptionsValidator.IsOrigin(settings.ApiBaseUrl))
        {
            problems.Add($"{key}:ApiBaseUrl must be an absolute http(s) URL with no path (got '{settings.ApiBaseUrl}').");
        }

        if (publicBaseUrl is null)
        {
            problems.Add($"no public URL: set {key}:PublicBaseUrl, Connector:Channels:PublicBaseUrl or --public-url (the HTTPS address Telegram calls).");
        }

        return problems;
    }

    /// <summary>
    /// Sets channel <paramref name="channel"/>'s webhook to <c>{publicBaseUrl}/channels/{channel}</c> with the settings'
    /// secret token (running it again changes nothing). Call <see cref="Problems"/> first: this assumes valid settings.
    /// </summary>
    public static async Task<TelegramWebhookSetResult> SetAsync(
        string channel, TelegramEndpointOptions settings, Uri publicBaseUrl, HttpClient http, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var bot = new TelegramBot(TelegramBot.CreateClient(settings.BotToken!, settings.ApiBaseUrl, http), channel, settings.RequestTimeout,
            TimeProvider.System, NullLogger.Instance);
        var url = TelegramWebhooks.Url(publicBaseUrl, channel);
        var set = await TelegramWebhooks.SetAsync(bot, url, settings.SecretToken!, cancellationToken);
        if (!set.IsSuccess)
        {
            return new TelegramWebhookSetResult(url, set.Outcome.Error, Refused: set.ErrorCode is not null, null, 0);
        }

        var report = await TelegramWebhooks.InspectAsync(bot, cancellationToken);
        return new TelegramWebhookSetResult(url, null, Refused: false, report.BotUsername, report.PendingUpdates);
    }
}

/// <summary>How <see cref="TelegramWebhookSetup.SetAsync"/> ended.</summary>
/// <param name="Url">The webhook URL that was set (or tried).</param>
/// <param name="Error">Why it was not set; null when it was.</param>
/// <param name="Refused">Telegram answered and refused it (a wrong token, a URL it cannot use), rather than not being reached.</param>
/// <param name="BotUsername">The bot's username, once set.</param>
/// <param name="PendingUpdates">The updates Telegram holds for the webhook, delivered now.</param>
public sealed record TelegramWebhookSetResult(Uri Url, string? Error, bool Refused, string? BotUsername, int PendingUpdates);
