using Telegram.Bot;
using Telegram.Bot.Types.Enums;

namespace Byoc.Connector.Channels.Telegram;

/// <summary>
/// Registering and inspecting a bot's webhook, shared by the start-up registration, <c>byoc channels telegram
/// set-webhook</c> and <c>byoc doctor</c>. The webhook is the channel's front door, <c>{public base URL}/channels/{name}</c>,
/// with the channel's secret token and only the update types the channel handles (message, callback_query).
/// </summary>
internal static class TelegramWebhooks
{
    private static readonly UpdateType[] s_allowedUpdates = [UpdateType.Message, UpdateType.CallbackQuery];

    /// <summary>The webhook URL of channel <paramref name="channel"/> behind <paramref name="publicBaseUrl"/>.</summary>
    public static Uri Url(Uri publicBaseUrl, string channel)
    {
        ArgumentNullException.ThrowIfNull(publicBaseUrl);
        return new Uri(publicBaseUrl.AbsoluteUri.TrimEnd('/') + "/channels/" + Uri.EscapeDataString(channel));
    }

    /// <summary>
    /// setWebhook with the URL and the secret token; idempotent (Telegram answers "Webhook is already set"). Pending
    /// updates are kept, so nothing sent while the webhook was elsewhere is lost.
    /// </summary>
    public static Task<TelegramCall<bool>> SetAsync(TelegramBot bot, Uri url, string secretToken, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(bot);
        ArgumentNullException.ThrowIfNull(url);
        return bot.CallAsync("setWebhook", async (client, ct) =>
        {
            await client.SetWebhook(url.AbsoluteUri, allowedUpdates: s_allowedUpdates, secretToken: secretToken, cancellationToken: ct);
            return true;
        }, cancellationToken);
    }

    /// <summary>getMe (is the token valid?) and getWebhookInfo (where does Telegram deliver, and what went wrong last).</summary>
    public static async Task<TelegramWebhookReport> InspectAsync(TelegramBot bot, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(bot);
        var me = await bot.CallAsync("getMe", (client, ct) => client.GetMe(ct), cancellationToken);
        if (!me.IsSuccess)
        {
            return new TelegramWebhookReport(null, me.Outcome.Error, null, 0, null, null);
        }

        var info = await bot.CallAsync("getWebhookInfo", (client, ct) => client.GetWebhookInfo(ct), cancellationToken);
        return info.Value is { } webhook
            ? new TelegramWebhookReport(me.Value!.Username, null, webhook.Url ?? "", webhook.PendingUpdateCount,
                string.IsNullOrEmpty(webhook.LastErrorMessage) ? null : webhook.LastErrorMessage,
                webhook.LastErrorDate is { } date ? new DateTimeOffset(DateTime.SpecifyKind(date, DateTimeKind.Utc)) : null)
            : new TelegramWebhookReport(me.Value!.Username, null, null, 0, info.Outcome.Error, null);
    }
}
