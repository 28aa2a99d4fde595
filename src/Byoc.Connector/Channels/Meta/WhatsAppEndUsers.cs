using System.Globalization;
using Byoc.Core.Storage;

namespace Byoc.Connector.Channels.Meta;

/// <summary>
/// When each end user last wrote (the start of WhatsApp's customer-service window) and that message's wamid (what a read
/// receipt and typing indicator refer to), kept in the connector's store under <c>whatsapp:last-inbound</c> as
/// "{Unix milliseconds} {wamid}", so a restart, or another instance on the same PostgreSQL, agrees on the window. The time
/// is Meta's timestamp of the message, and only a later message moves it: a message Meta redelivers days later does not
/// reopen a closed window.
/// </summary>
internal sealed class WhatsAppEndUsers(string channel, IEndUserStateStore store, TimeProvider timeProvider)
{
    private const string LastInboundKey = "whatsapp:last-inbound";

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
