using Byoc.Connector.Pipeline;
using Microsoft.Extensions.Options;

namespace Byoc.Connector.Channels.Telegram;

/// <summary>
/// At start-up, sets the webhook of every Telegram channel with <c>RegisterWebhook</c> on (setWebhook is idempotent): the
/// channel's public URL and secret token. Runs in the background so that an unreachable Bot API never stops the start;
/// a retryable failure is tried again a few times with a growing wait, and the outcome is logged.
/// </summary>
internal sealed partial class TelegramWebhookRegistrar(
    ChannelRegistry channels,
    IOptions<ChannelDoorOptions> door,
    TimeProvider timeProvider,
    ILogger<TelegramWebhookRegistrar> logger) : BackgroundService
{
    private const int MaxAttempts = 5;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        foreach (var channel in channels.All.OfType<TelegramChannel>().Where(c => c.Settings.RegisterWebhook))
        {
            var url = TelegramWebhooks.Url((channel.PublicBaseUrl ?? door.Value.PublicBaseUrl)!, channel.Name);
            for (var attempt = 1; ; attempt++)
            {
                var set = await TelegramWebhooks.SetAsync(channel.Bot, url, channel.Settings.SecretToken!, stoppingToken);
                if (set.IsSuccess)
                {
                    Log.WebhookSet(logger, channel.Name, url);
                    break;
                }

                if (set.Outcome.Kind != Core.Delivery.DeliveryOutcomeKind.Retryable || attempt == MaxAttempts)
                {
                    Log.WebhookNotSet(logger, channel.Name, url, set.Outcome.Error ?? "unknown");
                    break;
                }

                await Task.Delay(set.Outcome.RetryAfter ?? TimeSpan.FromSeconds(1 << attempt), timeProvider, stoppingToken);
            }
        }
    }
}
