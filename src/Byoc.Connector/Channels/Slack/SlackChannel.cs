using Byoc.Core.Channels;

namespace Byoc.Connector.Channels.Slack;

/// <summary>
/// One configured Slack app and its adapters. Slack gives bots no delivery or read receipts, so an accepted post is
/// reported Delivered, and nothing is ever reported Read.
/// </summary>
internal sealed record SlackChannel(
    string Name,
    string ChannelAddressIdentifier,
    IInboundChannelAdapter Inbound,
    IOutboundChannelAdapter Outbound,
    Uri? PublicBaseUrl,
    SlackEndpointOptions Settings) : IChannel;
