using Byoc.Core.Channels;

namespace Byoc.Connector.Channels.Meta;

/// <summary>
/// One configured Facebook Page and its adapters. Messenger's delivery and read watermarks are the receipts: an
/// accepted send is only sent.
/// </summary>
internal sealed record MessengerChannel(
    string Name,
    string ChannelAddressIdentifier,
    IInboundChannelAdapter Inbound,
    IOutboundChannelAdapter Outbound,
    MessengerEndpointOptions Settings) : IChannel
{
    public bool ReportsDeliveryReceipts => true;
}
