using Byoc.Core.Channels;

namespace Byoc.Connector.Channels.Line;

/// <summary>
/// One configured LINE Messaging API channel and its adapters; <see cref="FileLinks"/> is set when a public base URL is
/// known. LINE reports no delivery or read status of the account's messages, so an accepted send is Delivered.
/// </summary>
internal sealed record LineChannel(
    string Name,
    string ChannelAddressIdentifier,
    IInboundChannelAdapter Inbound,
    IOutboundChannelAdapter Outbound,
    Uri? PublicBaseUrl,
    LineEndpointOptions Settings,
    FileLinks? FileLinks) : IChannel;
