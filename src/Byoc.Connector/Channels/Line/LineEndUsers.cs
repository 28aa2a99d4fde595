using System.Globalization;
using Byoc.Core.Storage;

namespace Byoc.Connector.Channels.Line;

/// <summary>
/// What the channel keeps per end user in the connector's store, so that a restart, or another instance on the same
/// PostgreSQL, agrees: the latest unused reply token and when its webhook arrived (<c>line:reply</c>, "{Unix
/// milliseconds} {token}"), the latest mark-as-read token not yet used (<c>line:read</c>), and whether the end user
/// blocked the account (<c>line:unfollowed</c>, from an <c>unfollow</c> event until a <c>follow</c>).
/// </summary>
internal sealed class LineEndUsers(string channel, IEndUserStateStore store, TimeProvider timeProvider)
{
    private const string ReplyKey = "line:reply";
    private const string ReadKey = "line:read";
    private const string UnfollowedKey = "line:unfollowed";

    /// <summary>Remembers the reply token of an event that just arrived, replacing an older one (LINE issues one per event).</summary>
    public Task ReceivedReplyTokenAsync(string user, string replyToken, CancellationToken cancellationToken) =>
        store.SetAsync(channel, user, ReplyKey,
            $"{timeProvider.GetUtcNow().ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture)} {replyToken}", cancellationToken);

    /// <summary>
    /// The end user's reply token when its webhook arrived less than <paramref name="maxAge"/> ago, taken: it is
    /// single-use, so it is forgotten before the call that uses it. Null when there is none fresh enough.
    /// </summary>
    public async Task<string?> TakeReplyTokenAsync(string user, TimeSpan maxAge, CancellationToken cancellationToken)
    {
        if (maxAge <= TimeSpan.Zero || await store.GetAsync(channel, user, ReplyKey, cancellationToken) is not { } value
            || value.Split(' ', 2) is not [var millis, var token]
            || !long.TryParse(millis, NumberStyles.None, CultureInfo.InvariantCulture, out var at))
        {
            return null;
        }

        await store.SetAsync(channel, user, ReplyKey, null, cancellationToken);
        return timeProvider.GetUtcNow() - DateTimeOffset.FromUnixTimeMilliseconds(at) < maxAge ? token : null;
    }

    /// <summary>Remembers the mark-as-read token of the end user's latest message.</summary>
    public Task ReceivedReadTokenAsync(string user, string token, CancellationToken cancellationToken) =>
        store.SetAsync(channel, user, ReadKey, token, cancellationToken);

    /// <summary>The mark-as-read token not yet used, or null.</summary>
    public Task<string?> ReadTokenAsync(string user, CancellationToken cancellationToken) => store.GetAsync(channel, user, ReadKey, cancellationToken);

    /// <summary>Forgets <paramref name="token"/> once used, unless a newer message replaced it meanwhile.</summary>
    public async Task ReadTokenUsedAsync(string user, string token, CancellationToken cancellationToken)
    {
        if (await store.GetAsync(channel, user, ReadKey, cancellationToken) == token)
        {
            await store.SetAsync(channel, user, ReadKey, null, cancellationToken);
        }
    }

    /// <summary>Records a <c>follow</c> (false) or <c>unfollow</c> (true) of the account.</summary>
    public Task FollowedAsync(string user, bool unfollowed, DateTimeOffset at, CancellationToken cancellationToken) =>
        store.SetAsync(channel, user, UnfollowedKey, unfollowed ? at.ToString("O", CultureInfo.InvariantCulture) : null, cancellationToken);

    /// <summary>When the end user blocked the account, if they have not followed it again since.</summary>
    public async Task<string?> UnfollowedAtAsync(string user, CancellationToken cancellationToken) =>
        await store.GetAsync(channel, user, UnfollowedKey, cancellationToken);
}
