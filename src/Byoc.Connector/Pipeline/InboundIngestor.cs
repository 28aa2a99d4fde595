using System.Diagnostics;
using Byoc.Connector.Attachments;
using Byoc.Connector.Diagnostics;
using Byoc.Core.Channels;
using Byoc.Core.Messages;
using Byoc.Core.Storage;

namespace Byoc.Connector.Pipeline;

/// <summary>
/// Stores verified inbound messages in the inbox (insert-or-ignore) and wakes the forwarder. A message that turns out to
/// be a repeat (two deliveries of one event racing past the adapters' "stored already?" check) had its file stored for
/// nothing: that file is deleted at once rather than left for the retention sweep.
/// </summary>
internal sealed partial class InboundIngestor(IInboxStore inbox, IConversationStore conversations, InboxSignal signal, ConnectorMetrics metrics,
    EndUserHasher hasher, AttachmentFiles files, ILogger<InboundIngestor> logger)
{
    /// <summary>
    /// Null when every end user of <paramref name="messages"/> can be known to Salesforce; otherwise why not: an end user
    /// whose <see cref="EndUserIdentifier"/> does not fit, unless an earlier version stored a conversation for them.
    /// </summary>
    public async Task<string?> CheckEndUsersAsync(IChannel channel, IReadOnlyList<InboundMessage> messages, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(channel);
        ArgumentNullException.ThrowIfNull(messages);
        foreach (var platformUserId in messages.Select(m => m.PlatformUserId).Distinct(StringComparer.Ordinal))
        {
            if (!new EndUserIdentifier(channel.Name, platformUserId).Fits
                && await conversations.FindByEndUserAsync(channel.ChannelAddressIdentifier, EndUserIdentifiers.For(channel.Name, platformUserId),
                    cancellationToken) is null)
            {
                return $"A platform user id on channel '{channel.Name}' may have at most {EndUserIdentifier.MaxPlatformUserIdLength(channel.Name)} " +
                    $"characters (Salesforce takes end-user identifiers '{channel.Name}:{{id}}' of at most {EndUserIdentifier.MaxLength}); " +
                    $"this one has {platformUserId.Length}.";
            }
        }

        return null;
    }

    /// <summary>Returns only after every message is committed, so the caller may then answer 2xx.</summary>
    public async Task<IngestResult> IngestAsync(IChannel channel, IReadOnlyList<InboundMessage> messages, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(channel);
        ArgumentNullException.ThrowIfNull(messages);
        using var activity = ConnectorActivities.Source.StartActivity("inbox commit", ActivityKind.Producer);
        activity?.SetTag("byoc.channel", channel.Name);
        var stored = 0;
        foreach (var message in messages)
        {
            await conversations.GetOrAddAsync(channel.Name, message.PlatformUserId, channel.ChannelAddressIdentifier,
                EndUserIdentifiers.For(channel.Name, message.PlatformUserId), cancellationToken);
            var item = new NewQueueItem(channel.Name, message.PlatformMessageId,
                PipelineJson.ConversationKey(channel.Name, message.PlatformUserId), PipelineJson.Serialize(message))
            {
                TraceParent = ConnectorActivities.CurrentTraceParent(),
            };
            if (await inbox.TryAddAsync(item, cancellationToken))
            {
                stored++;
                metrics.MessageIn(channel.Name);
                if (logger.IsEnabled(LogLevel.Debug))
                {
                    // The keyed hash costs an HMAC per message: only when the line is written.
                    Log.Stored(logger, channel.Name, message.Kind, hasher.Hash(channel.Name, message.PlatformUserId));
                }
            }
            else if (message.Attachment is { } unused)
            {
                files.Delete(unused.FileId);
            }
        }

        activity?.SetTag("byoc.stored", stored);
        if (stored > 0)
        {
            signal.Signal.Notify();
        }

        return new IngestResult(stored, messages.Count - stored);
    }
}
