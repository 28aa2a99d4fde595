using Byoc.Core.Channels;

namespace Byoc.Connector.Channels.Twilio;

/// <summary>
/// One configured Twilio sender and its adapters; <see cref="FileLinks"/> is set when a public base URL is known. Every
/// send names a status callback, so Twilio's <c>delivered</c>, <c>read</c>, <c>undelivered</c> and <c>failed</c> are the
/// receipts (SMS and WhatsApp alike): an accepted send is only sent, and a failure that overtakes the send's own answer
/// (63016 outside the WhatsApp window, 30003 unreachable) must not be overwritten by a Delivered of the outbox.
/// </summary>
internal sealed record TwilioChannel(
    string Name,
    string ChannelAddressIdentifier,
    IInboundChannelAdapter Inbound,
    IOutboundChannelAdapter Outbound,
    Uri? PublicBaseUrl,
    TwilioEndpointOptions Settings,
    FileLinks? FileLinks) : IChannel
{
    public bool ReportsDeliveryReceipts => true;
}
