using System.Diagnostics;
using Byoc.Connector.Diagnostics;
using Byoc.Connector.Salesforce.PubSub;
using Byoc.Connector.Salesforce.Translation;
using Byoc.Core.Channels;
using Byoc.Core.Messages;
using Byoc.Core.Storage;

namespace Byoc.Connector.Pipeline;

/// <summary>
/// Turns one platform event into an outbox row: filter by the channel addresses this connector serves, resolve the end
/// user to a channel, de-duplicate by <c>payload.identifier</c>, and store the row with the replay checkpoint in one
/// transaction. Events that are not for us only move the checkpoint.
/// </summary>
internal sealed partial class OutboundEventHandler(
    IOutboxStore outbox,
    IConversationStore conversations,
    ChannelRegistry channels,
    OutboxSignal signal,
    ConnectorMetrics metrics,
    TimeProvider timeProvider,
    ILogger<OutboundEventHandler> logger) : IPlatformEventHandler
{
    public async Task HandleAsync(PlatformEvent platformEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(platformEvent);
        using var activity = ConnectorActivities.Source.StartActivity("pubsub event", ActivityKind.Consumer);
        activity?.SetTag("byoc.topic", platformEvent.Topic);
        var checkpoint = new ReplayCheckpoint(platformEvent.Topic, platformEvent.ReplayId);
        var message = await ToMessageAsync(platformEvent, cancellationToken);
        if (message is null)
        {
            await outbox.TryAddWithCheckpointAsync(null, checkpoint, cancellationToken);
            return;
        }

        if (message.Timestamp is { } created)
        {
            metrics.PubSubLag(timeProvider.GetUtcNow() - created);
        }

        activity?.SetTag("byoc.channel", message.Channel);
        var item = new NewQueueItem(platformEvent.Topic, message.EntryIdentifier,
            PipelineJson.ConversationKey(message.Channel, message.PlatformUserId), PipelineJson.Serialize(message))
        {
            TraceParent = ConnectorActivities.CurrentTraceParent(),
        };
        if (await outbox.TryAddWithCheckpointAsync(item, checkpoint, cancellationToken))
        {
            signal.Signal.Notify();
        }
        else
        {
            Log.DuplicateEntry(logger, platformEvent.EventId);
        }
    }

    private async Task<OutboundMessage?> ToMessageAsync(PlatformEvent platformEvent, CancellationToken cancellationToken)
    {
        var outbound = OutboundEventParser.Parse(platformEvent.EventType, platformEvent.Payload, out var reason);
        if (outbound is null)
        {
            Log.EventIgnored(logger, platformEvent.EventId, reason);
            return null;
        }

        if (!channels.ChannelAddresses.Contains(outbound.ChannelAddressIdentifier))
        {
            Log.EventIgnored(logger, platformEvent.EventId, "the channel address is not served by this connector");
            return null;
        }

        var conversation = await conversations.FindByEndUserAsync(outbound.ChannelAddressIdentifier, outbound.RecipientSubject, cancellationToken);
        var (channel, platformUserId) = conversation is not null
            ? (conversation.Channel, conversation.PlatformUserId)
            : FromIdentifier(outbound.ChannelAddressIdentifier, outbound.RecipientSubject);
        if (channel is null || platformUserId is null)
        {
            Log.EventIgnored(logger, platformEvent.EventId, "the recipient is not an end user of a configured channel");
            return null;
        }

        await conversations.GetOrAddAsync(channel, platformUserId, outbound.ChannelAddressIdentifier, outbound.RecipientSubject, cancellationToken);
        await conversations.SetConversationAsync(channel, platformUserId, outbound.Message.ConversationIdentifier, null, cancellationToken);
        return outbound.ForRecipient(channel, platformUserId);
    }

    /// <summary>
    /// An end user the connector has not seen yet (a business-initiated message): the identifier says the channel and the
    /// platform user (<see cref="EndUserIdentifier"/>), and the channel must serve the event's channel address.
    /// </summary>
    private (string? Channel, string? PlatformUserId) FromIdentifier(string channelAddressIdentifier, string subject) =>
        EndUserIdentifier.TryParse(subject, out var identifier) && channels.Find(identifier.Channel) is { } channel
            && string.Equals(channel.ChannelAddressIdentifier, channelAddressIdentifier, StringComparison.OrdinalIgnoreCase)
            ? (channel.Name, identifier.PlatformUserId)
            : (null, null);
}
