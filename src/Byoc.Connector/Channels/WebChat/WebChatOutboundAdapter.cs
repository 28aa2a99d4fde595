using System.Data.Common;
using Byoc.Core.Channels;
using Byoc.Core.Messages;

namespace Byoc.Connector.Channels.WebChat;

/// <summary>
/// Shows Salesforce's entries in the visitor's browser. Messages and choices are delivered once they are in the
/// visitor's durable chat log (the page replays the log after any reconnect); typing and progress are live-only and
/// count as delivered whether or not a page is open, as a stale indicator is worse than a missed one.
/// </summary>
internal sealed class WebChatOutboundAdapter(WebChatHub hub) : IOutboundChannelAdapter
{
    public async Task<SendResult> SendAsync(OutboundMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var e = WebChatEvents.FromOutbound(message);
        if (!WebChatEvents.IsLogged(e))
        {
            hub.PublishLive(message.Channel, message.PlatformUserId, e);
            return SendResult.Delivered;
        }

        try
        {
            await hub.AppendAsync(message.Channel, message.PlatformUserId, e, cancellationToken);
            return SendResult.Delivered;
        }
        catch (DbException ex)
        {
            return SendResult.Retryable($"The chat log could not be written: {ex.Message}");
        }
    }
}
