namespace Byoc.Core.Channels;

/// <summary>One configured channel instance: a platform adapter pair bound to a Salesforce channel address.</summary>
public interface IChannel
{
    /// <summary>The channel's configured name; appears in <c>/webhooks/{name}</c>.</summary>
    string Name { get; }

    /// <summary>The Salesforce <c>MessagingChannel.ChannelAddressIdentifier</c> this channel talks to.</summary>
    string ChannelAddressIdentifier { get; }

    /// <summary>Verifies and parses platform requests.</summary>
    IInboundChannelAdapter Inbound { get; }

    /// <summary>Sends to the platform.</summary>
    IOutboundChannelAdapter Outbound { get; }
}
