using System.Data.Common;
using Byoc.Connector.Attachments;
using Byoc.Core.Channels;
using Byoc.Core.Delivery;
using Byoc.Core.Messages;

namespace Byoc.Connector.Channels.WebChat;

/// <summary>
/// Shows Salesforce's entries in the visitor's browser. Messages, choices, participant changes and notices are delivered
/// once they are in the visitor's durable chat log (the page replays the log after any reconnect); typing and progress
/// are live-only and count as delivered whether or not a page is open, as a stale indicator is worse than a missed one.
/// Files are downloaded first (<see cref="OutboundFileFetcher"/>); a refused file is replaced by a notice and the entry
/// is reported failed.
/// </summary>
internal sealed class WebChatOutboundAdapter(WebChatHub hub, OutboundFileFetcher fetcher, WebChatEndpointOptions settings) : IOutboundChannelAdapter
{
    public async Task<DeliveryOutcome> SendAsync(OutboundMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var files = message.Kind == OutboundKind.Attachment
            ? await fetcher.FetchAsync(message, cancellationToken)
            : new OutboundFiles([], [], null);
        if (files.TransientError is { } transient)
        {
            return DeliveryOutcome.Retryable($"A file could not be downloaded: {transient}");
        }

        var e = WebChatEvents.FromOutbound(message, settings, files.Stored);
        if (!WebChatEvents.IsLogged(e))
        {
            hub.PublishLive(message.Channel, message.PlatformUserId, e);
            return DeliveryOutcome.Succeeded;
        }

        try
        {
            if (e.Text is { Length: > 0 } || e.Attachments is not null || e.Links is not null || e.Type != "message")
            {
                await hub.AppendAsync(message.Channel, message.PlatformUserId, e, cancellationToken);
            }

            if (files.RefusalNotice is { } notice)
            {
                await hub.AppendAsync(message.Channel, message.PlatformUserId,
                    WebChatEvents.Notice("refused:" + message.EntryIdentifier, notice, message.Timestamp), cancellationToken);
                return DeliveryOutcome.Permanent(files.RefusalError!);
            }

            return DeliveryOutcome.Succeeded;
        }
        catch (DbException ex)
        {
            return DeliveryOutcome.Retryable($"The chat log could not be written: {ex.Message}");
        }
    }
}
