using Byoc.Core.Channels;

namespace Byoc.Connector.Channels.Meta;

/// <summary>
/// One configured WhatsApp Cloud API number and its adapters. Meta's <c>delivered</c>, <c>read</c> and <c>failed</c>
/// statuses are the receipts: an accepted send is only sent, and Meta's 131047 failure, which can arrive before the
/// send's own answer has been recorded, must not be overwritten by a Delivered of the outbox.
/// </summary>
internal sealed record WhatsAppChannel(
    string Name,
    string ChannelAddressIdentifier,
    IInboundChannelAdapter Inbound,
    IOutboundChannelAdapter Outbound,
    WhatsAppEndpointOptions Settings) : IChannel
{
    public bool ReportsDeliveryReceipts => true;
}
