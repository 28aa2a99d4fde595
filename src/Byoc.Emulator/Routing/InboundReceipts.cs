using System.Collections.Concurrent;
using Byoc.Emulator.Conversations;

namespace Byoc.Emulator.Routing;

/// <summary>
/// Inbound receipts for rep-handled sessions (channels with inbound acknowledgements on): Delivered when an end-user
/// message reaches a rep's session, Read when the rep opens the transcript. Remembers the unread entries per session.
/// </summary>
internal sealed class InboundReceipts(IConversationEvents events, ChannelSettings settings)
{
    private readonly ConcurrentDictionary<string, ConcurrentQueue<string>> _unread = new(StringComparer.Ordinal);

    public async ValueTask ReceivedAsync(InboundEntry entry, EventSender? rep, CancellationToken cancellationToken)
    {
        if (!settings.InboundAcknowledgements(entry.Address.MessagingChannelId))
        {
            return;
        }

        _unread.GetOrAdd(entry.Address.MessagingSessionId, _ => new()).Enqueue(entry.EntryIdentifier);
        if (rep is not null)
        {
            await events.PublishAsync(new AcknowledgementEvent(entry.Address, rep, AcknowledgementKind.Delivered, entry.EntryIdentifier), cancellationToken);
        }
    }

    /// <summary>The rep read the session: Read receipts for the end-user entries not yet acknowledged as read.</summary>
    public async ValueTask ReadAsync(ConversationAddress address, EventSender rep, CancellationToken cancellationToken)
    {
        if (!_unread.TryGetValue(address.MessagingSessionId, out var unread))
        {
            return;
        }

        while (unread.TryDequeue(out var entryIdentifier))
        {
            await events.PublishAsync(new AcknowledgementEvent(address, rep, AcknowledgementKind.Read, entryIdentifier), cancellationToken);
        }
    }
}
