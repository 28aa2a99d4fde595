using Byoc.Core.Messages;

namespace Byoc.Core.Channels;

/// <summary>The outbound half of a platform: shows one canonical message (text, choices, typing, progress) to the end user.</summary>
internal interface IOutboundChannelAdapter
{
    /// <summary>Sends one message. Expected failures are result values, not exceptions.</summary>
    Task<SendResult> SendAsync(OutboundMessage message, CancellationToken cancellationToken);
}
