using System.Globalization;
using Byoc.Core.Storage;

namespace Byoc.Connector.Channels.Meta;

/// <summary>
/// When each end user last wrote (the start of WhatsApp's customer-service window) and that message's wamid (what a read
/// receipt and typing indicator refer to), kept in the connector's store under <c>whatsapp:last-inbound</c> as
/// "{Unix milliseconds} {wamid}", so a restart, or another instance on the same PostgreSQL, agrees on the window. The time
/// is Meta's timestamp of the message, and only a later message moves it: a message Meta redelivers days later does not
/// reopen a closed window. A business-scoped user id (BSUID, <c>user_id</c>) seen together with a wa_id is kept under
/// <c>whatsapp:wa-id</c> of that user id, so a later message carrying only the user id joins the wa_id's conversation.
/// </summary>
internal sealed class WhatsAppEndUsers(string channel, IEndUserStateStore store, TimeProvider timeProvider)
{
    private const string LastInboundKey = "whatsapp:last-inbound";
    private const string WaIdKey = "whatsapp:wa-id";

    /// <summary>
    /// Whether <paramref name="user"/> is a business-scoped user id (country code, a dot, alphanumerics, for example
    /// <c>US.13491208655302741918</c>) rather than a wa_id, which is digits only.
    /// </summary>
    public static bool IsBusinessScoped(string user) => user.Contains('.', StringComparison.Ordinal);

    /// <summary>
    /// The end user of an item from <paramref name="user"/> (its wa_id, else its user id) and <paramref name="userId"/>
    /// (its business-scoped user id, when the webhook carries one): with both, the user id is remembered as the wa_id's
    /// and the wa_id is the end user; with only a user id, the wa_id it was last seen with, else the user id itself.
    /// </summary>
    public async Task<string> ResolveAsync(string user, string? userId, CancellationToken cancellationToken)
    {
        if (userId is null)
        {
            return user;
        }

        var known = await store.GetAsync(channel, userId, WaIdKey, cancellationToken);
        if (user != userId)
        {
            // The user id changes with the number, and a number may pass to someone else: the latest pairing wins.
            if (known != user)
            {
                await store.SetAsync(channel, userId, WaIdKey, user, cancellationToken);
            }

            return user;
        }

        return known ?? userId;
    }

    /// <summary>Records the message <paramref name="wamid"/> that <paramref name="user"/> sent at <paramref name="at"/>.</summary>
    public async Task WroteAsync(string user, string wamid, DateTimeOffset at, CancellationToken cancellationToken)
    {
        // Meta's timestamps are whole seconds: a message in the same second as the last one is taken as the later.
        if (await LastAsync(user, cancellationToken) is { } last && (last.At > at || last.Wamid == wamid))
        {
            return;
        }

        await store.SetAsync(channel, user, LastInboundKey,
            at.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture) + " " + wamid, cancellationToken);
    }

    /// <summary>The wamid of <paramref name="user"/>'s last message when it came within <paramref name="window"/>, else null.</summary>
    public async Task<string?> LastMessageInWindowAsync(string user, TimeSpan window, CancellationToken cancellationToken) =>
        await LastAsync(user, cancellationToken) is { } last && timeProvider.GetUtcNow() - last.At < window ? last.Wamid : null;

    /// <summary>When <paramref name="user"/> last wrote and that message's wamid, or null when they never did.</summary>
    public async Task<(DateTimeOffset At, string Wamid)?> LastAsync(string user, CancellationToken cancellationToken)
    {
        if (await store.GetAsync(channel, user, LastInboundKey, cancellationToken) is not { } value)
        {
            return null;
        }

        var parts = value.Split(' ', 2);
        return long.TryParse(parts[0], NumberStyles.Integer, CultureInfo.InvariantCulture, out var at)
            ? (DateTimeOffset.FromUnixTimeMilliseconds(at), parts.Length == 2 ? parts[1] : "")
            : null;
    }
}
