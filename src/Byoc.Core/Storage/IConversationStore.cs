namespace Byoc.Core.Storage;

/// <summary>The conversation map: (channel, platform user) ↔ end-user client identifier ↔ conversation and session.</summary>
public interface IConversationStore
{
    /// <summary>Returns the existing mapping or creates it (insert-or-ignore, then read).</summary>
    Task<ConversationRecord> GetOrAddAsync(string channel, string platformUserId, string channelAddressIdentifier,
        string endUserClientIdentifier, CancellationToken cancellationToken);

    /// <summary>Finds a mapping by Salesforce's view of the end user.</summary>
    Task<ConversationRecord?> FindByEndUserAsync(string channelAddressIdentifier, string endUserClientIdentifier,
        CancellationToken cancellationToken);

    /// <summary>Records the conversation identifier and session id Salesforce returned.</summary>
    Task SetConversationAsync(string channel, string platformUserId, string conversationIdentifier, string? sessionId,
        CancellationToken cancellationToken);
}
