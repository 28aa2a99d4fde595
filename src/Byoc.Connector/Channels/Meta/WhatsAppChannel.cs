using Byoc.Core.Channels;

namespace Byoc.Connector.Channels.Meta;

/// <summary>One configured WhatsApp Cloud API number and its adapters.</summary>
internal sealed record WhatsAppChannel(
    string Name,
    string ChannelAddressIdentifier,
    IInboundChannelAdapter Inbound,
    IOutboundChannelAdapter Outbound,
    WhatsAppEndpointOptions Settings) : IChannel;
