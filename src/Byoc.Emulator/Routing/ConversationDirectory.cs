using System.Collections.Concurrent;
using Byoc.Emulator.Conversations;
using Byoc.Emulator.Org.Records;

namespace Byoc.Emulator.Routing;

/// <summary>
/// Finds the wire address of a session for outbound entries: the address the Interaction Service API handed over with
/// the session's latest inbound entry, else one built from the records (Conversation, MessagingChannel, MessagingEndUser).
/// </summary>
internal sealed class ConversationDirectory(OrgStore store)
{
    private readonly ConcurrentDictionary<string, ConversationAddress> _bySession = new(StringComparer.Ordinal);

    public void Remember(ConversationAddress address) => _bySession[address.MessagingSessionId] = address;

    public ConversationAddress? Resolve(string sessionId)
    {
        if (_bySession.TryGetValue(sessionId, out var known))
        {
            return known;
        }

        var session = store.Get(sessionId);
        var channel = session?.GetString("MessagingChannelId") is { } channelId ? store.Get(channelId) : null;
        var endUser = session?.GetString("MessagingEndUserId") is { } endUserId ? store.Get(endUserId) : null;
        var conversation = session?.GetString("ConversationId") is { } conversationId ? store.Get(conversationId) : null;
        if (session is null || channel is null || endUser is null)
        {
            return null;
        }

        return _bySession.GetOrAdd(session.Id, new ConversationAddress(
            conversation?.GetString("ConversationIdentifier") ?? session.Id,
            channel.GetString("ChannelAddressIdentifier") ?? string.Empty,
            endUser.GetString("MessagingPlatformKey") ?? string.Empty,
            channel.Id, endUser.Id, session.Id));
    }
}
