using Byoc.Connector.Diagnostics;
using Byoc.Core.Channels;
using Byoc.Core.Delivery;
using Byoc.Core.Messages;
using Byoc.Core.Storage;
using Microsoft.Extensions.Options;

namespace Byoc.Connector.Pipeline;

/// <summary>
/// Sends outbox rows to their channel in per-conversation order. A delivered message queues a Delivered
/// acknowledgement for Salesforce; a message that finally fails queues MessageDeliveryFailed. Both go through the inbox,
/// so they are retried and ordered like everything else bound for Salesforce.
/// </summary>
internal sealed class OutboundDeliveryWorker(
    IOutboxStore outbox,
    OutboxSignal signal,
    InboundIngestor ingestor,
    ChannelRegistry channels,
    IOptions<DeliveryOptions> options,
    TimeProvider timeProvider,
    ConnectorMetrics metrics,
    ILogger<OutboundDeliveryWorker> logger) : QueueWorker(outbox, signal.Signal, options, timeProvider, metrics, logger)
{
    protected override string QueueName => "outbox";

    protected override async Task<DeliveryOutcome> ProcessAsync(QueueItem item, CancellationToken cancellationToken)
    {
        var message = PipelineJson.Deserialize<OutboundMessage>(item.Payload);
        if (channels.Find(message.Channel) is not { } channel)
        {
            return DeliveryOutcome.Permanent($"Channel '{message.Channel}' is no longer configured.");
        }

        var outcome = await channel.Outbound.SendAsync(message, cancellationToken);
        if (outcome.IsSuccess)
        {
            Metrics.MessageOut(channel.Name);
            if (IsAcknowledged(message) && !channel.ReportsDeliveryReceipts)
            {
                await ReportAsync(channel, message, DeliveryStatus.Delivered, null, cancellationToken);
            }
        }

        return outcome;
    }

    protected override async Task OnDeadLetteredAsync(QueueItem item, string error, CancellationToken cancellationToken)
    {
        var message = PipelineJson.Deserialize<OutboundMessage>(item.Payload);
        if (IsAcknowledged(message) && channels.Find(message.Channel) is { } channel)
        {
            await ReportAsync(channel, message, DeliveryStatus.Failed, error, cancellationToken);
        }
    }

    private static bool IsAcknowledged(OutboundMessage message) => message.Kind is OutboundKind.Text or OutboundKind.Choices or OutboundKind.Attachment;

    private Task<IngestResult> ReportAsync(IChannel channel, OutboundMessage message, DeliveryStatus status, string? error,
        CancellationToken cancellationToken) =>
        ingestor.IngestAsync(channel,
        [
            new InboundMessage
            {
                Channel = channel.Name,
                // A key of our own, so a platform's later status callback for the same message is not swallowed.
                PlatformMessageId = $"byoc:{status}:{message.EntryIdentifier}",
                PlatformUserId = message.PlatformUserId,
                Kind = InboundKind.Status,
                Timestamp = TimeProvider.GetUtcNow(),
                Status = status,
                StatusOfEntryIdentifier = message.EntryIdentifier,
                StatusError = error,
            },
        ], cancellationToken);
}
