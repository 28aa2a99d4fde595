using Byoc.Core.Channels;

namespace Byoc.Connector.Channels.Webhook;

/// <summary>One configured generic webhook channel.</summary>
internal sealed record WebhookChannel(
    string Name,
    string ChannelAddressIdentifier,
    IInboundChannelAdapter Inbound,
    IOutboundChannelAdapter Outbound,
    int MaxBodyBytes,
    RichMessageMode RichMessages) : IChannel;
