namespace Byoc.Emulator.Conversations;

/// <summary>
/// The one internal API through which every part of the emulated org (agent, routing, rep console, attachment upload)
/// speaks to the end user: it records the entry in the transcript (ConversationEntry) and publishes it on the channel
/// definition's platform event over Pub/Sub.
/// </summary>
internal interface IConversationEvents
{
    /// <summary>Publishes the entry and returns its conversation-entry identifier (the <c>payload.identifier</c> on the wire).</summary>
    ValueTask<string> PublishAsync(ConversationEvent conversationEvent, CancellationToken cancellationToken);
}
