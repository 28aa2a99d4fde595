namespace Byoc.Core.Channels;

/// <summary>One configured channel instance: a platform adapter pair bound to a Salesforce channel address.</summary>
public interface IChannel
{
    /// <summary>
    /// The channel's configured name, unique across all platforms: the front door serves it at <c>/channels/{name}</c>,
    /// and it starts the end-user client identifier (<c>{channel}:{platform user id}</c>).
    /// </summary>
    string Name { get; }

    /// <summary>The Salesforce <c>MessagingChannel.ChannelAddressIdentifier</c> this channel talks to.</summary>
    string ChannelAddressIdentifier { get; }

    /// <summary>Verifies and parses platform requests.</summary>
    IInboundChannelAdapter Inbound { get; }

    /// <summary>Sends to the platform.</summary>
    IOutboundChannelAdapter Outbound { get; }

    /// <summary>
    /// The channel's own public base URL, when it has one configured; null to use the connector's
    /// (<c>Connector:Channels:PublicBaseUrl</c>). The front door builds <see cref="InboundRequest.PublicUrl"/> from it.
    /// </summary>
    Uri? PublicBaseUrl => null;

    /// <summary>
    /// True when the platform reports each message's delivery itself (statuses arriving through <see cref="Inbound"/>),
    /// so a send the platform accepted is not yet Delivered: the outbox then reports nothing on success, and a platform's
    /// failure that overtakes the send's answer is not overwritten by it. False (the default): an accepted send is Delivered.
    /// </summary>
    bool ReportsDeliveryReceipts => false;
}
