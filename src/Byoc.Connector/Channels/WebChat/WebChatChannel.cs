using Byoc.Core.Channels;

namespace Byoc.Connector.Channels.WebChat;

/// <summary>One configured web chat channel.</summary>
internal sealed record WebChatChannel(
    string Name,
    string ChannelAddressIdentifier,
    IInboundChannelAdapter Inbound,
    IOutboundChannelAdapter Outbound,
    WebChatSessionTokens Tokens,
    WebChatFileKeys FileKeys,
    WebChatEndpointOptions Settings) : IChannel;
