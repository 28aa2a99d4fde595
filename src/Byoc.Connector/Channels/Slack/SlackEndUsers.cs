namespace Byoc.Connector.Channels.Slack;

/// <summary>
/// The platform user id of a Slack end user, which says where the agent's answers go: <c>{channel id}:{user id}</c> for
/// one conversation per user per channel (and every direct message), <c>{channel id}:{thread ts}:{user id}</c> for one
/// per user per thread. Slack ids hold no <c>:</c>, so the parts read back. A business-initiated message may also name
/// a user id alone (<c>U…</c>): chat.postMessage to a user id posts in the app's direct message with that user.
/// </summary>
internal static class SlackEndUsers
{
    /// <summary>The end user of a message from <paramref name="user"/> in <paramref name="channel"/> (thread <paramref name="threadTs"/>, or the message's own ts).</summary>
    public static string For(SlackConversationMode mode, string channel, string user, string? threadTs) =>
        mode == SlackConversationMode.PerThread && !IsDirect(channel) && !string.IsNullOrEmpty(threadTs)
            ? $"{channel}:{threadTs}:{user}"
            : $"{channel}:{user}";

    /// <summary>Reads a platform user id back into the channel to post to and the thread to post in (null: the channel itself).</summary>
    public static bool TryParse(string platformUserId, out string channel, out string? threadTs)
    {
        ArgumentNullException.ThrowIfNull(platformUserId);
        var parts = platformUserId.Split(':');
        (channel, threadTs) = parts.Length switch
        {
            1 => (parts[0], null),
            2 => (parts[0], (string?)null),
            3 => (parts[0], parts[1]),
            _ => ("", null),
        };
        return channel.Length > 0 && !channel.Any(char.IsWhiteSpace) && parts.All(p => p.Length > 0);
    }

    /// <summary>Whether the channel id is a direct message (Slack's DM conversation ids start with <c>D</c>).</summary>
    public static bool IsDirect(string channel) => channel.StartsWith('D');
}
