namespace Byoc.Emulator.Conversations;

/// <summary>Where a conversation lives: its identifiers on the wire and its records in the org.</summary>
/// <param name="ConversationIdentifier">The conversation's UUID (<c>conversationIdentifier</c> on the wire).</param>
/// <param name="ChannelAddressIdentifier">The BYOC channel's <c>ChannelAddressIdentifier</c> (the <c>to</c> of interactions).</param>
/// <param name="EndUserClientIdentifier">The partner's end-user id (the <c>from</c> of interactions; the recipient subject of events).</param>
/// <param name="MessagingChannelId">The MessagingChannel record id.</param>
/// <param name="MessagingEndUserId">The MessagingEndUser record id.</param>
/// <param name="MessagingSessionId">The current MessagingSession record id (the <c>workItemId</c>).</param>
internal sealed record ConversationAddress(
    string ConversationIdentifier,
    string ChannelAddressIdentifier,
    string EndUserClientIdentifier,
    string MessagingChannelId,
    string MessagingEndUserId,
    string MessagingSessionId);
