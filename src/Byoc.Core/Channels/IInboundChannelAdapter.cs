namespace Byoc.Core.Channels;

/// <summary>
/// The inbound half of a platform: verifies a request's signature on the raw bytes, then parses it into canonical
/// messages (text, typing, delivery/read status of an outbound message, choice responses). Platform status names are
/// mapped to <see cref="Messages.DeliveryStatus"/> here.
/// </summary>
public interface IInboundChannelAdapter
{
    /// <summary>Verifies and parses one request. Never throws for bad input; returns a refusal instead.</summary>
    InboundParseResult Parse(string channel, InboundRequest request);
}
