using Byoc.Core.Messages;

namespace Byoc.Connector.Salesforce.Translation;

/// <summary>
/// An outbound <c>Interaction</c> event as the connector reads it: where it goes in Salesforce's terms (the channel
/// address and the end-user client identifier) and the entry to show. Only the conversation map knows which channel and
/// platform user that is, so <see cref="Message"/> leaves <see cref="OutboundMessage.Channel"/> and
/// <see cref="OutboundMessage.PlatformUserId"/> empty until <see cref="ForRecipient"/> fills them in.
/// </summary>
/// <param name="ChannelAddressIdentifier">The event's <c>channelAddressIdentifier</c>.</param>
/// <param name="RecipientSubject">The event's <c>recipient.subject</c>: the end-user client identifier.</param>
/// <param name="Message">The entry, normalised; channel and platform user still empty.</param>
internal sealed record OutboundEvent(string ChannelAddressIdentifier, string RecipientSubject, OutboundMessage Message)
{
    /// <summary>The entry for the end user the recipient resolved to.</summary>
    public OutboundMessage ForRecipient(string channel, string platformUserId) =>
        Message with { Channel = channel, PlatformUserId = platformUserId };
}
