using Byoc.Core.Channels;

namespace Byoc.Connector.Channels.Twilio;

/// <summary>One configured Twilio sender and its adapters; <see cref="FileLinks"/> is set when a public base URL is known.</summary>
internal sealed record TwilioChannel(
    string Name,
    string ChannelAddressIdentifier,
    IInboundChannelAdapter Inbound,
    IOutboundChannelAdapter Outbound,
    Uri? PublicBaseUrl,
    TwilioEndpointOptions Settings,
    FileLinks? FileLinks) : IChannel;
