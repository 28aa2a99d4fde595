using Byoc.Core.Channels;

namespace Byoc.Connector.Channels.Webhook;

/// <summary>One configured generic webhook channel; <see cref="FileLinks"/> is set when its files go out as links.</summary>
internal sealed record WebhookChannel(
    string Name,
    string ChannelAddressIdentifier,
    IInboundChannelAdapter Inbound,
    IOutboundChannelAdapter Outbound,
    FileLinks? FileLinks,
    Uri? PublicBaseUrl) : IChannel;
