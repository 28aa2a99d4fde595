using System.Globalization;
using Byoc.Core.Storage;

namespace Byoc.Connector.Channels.Twilio;

/// <summary>
/// What the channel knows of each end user between messages: when they last wrote (the start of WhatsApp's
/// customer-service window) with that message's SID (what a WhatsApp typing indicator refers to), and whether they opted
/// out. Kept in the connector's store (keys <c>twilio:last-inbound</c>, "{Unix milliseconds} {MessageSid}", and
/// <c>twilio:opted-out</c>), so a restart, or another instance on the same PostgreSQL, neither
/// sends blindly into a closed window nor to someone who sent STOP, nor refuses someone whose window is open.
/// </summary>
internal sealed class TwilioEndUsers(string channel, IEndUserStateStore store, TimeProvider timeProvider)
{
    private const string LastInboundKey = "twilio:last-inbound";
    private const string OptedOutKey = "twilio:opted-out";

    /// <summary>
    /// Records the message <paramref name="messageSid"/> from <paramref name="user"/>, now; a second delivery of the
    /// user's last message (Twilio's retry of one the inbox did not keep) leaves the time of the first.
    /// </summary>
    public async Task WroteAsync(string user, string messageSid, CancellationToken cancellationToken)
    {
        if (await store.GetAsync(channel, user, LastInboundKey, cancellationToken) is { } last
            && last.Split(' ', 2) is [_, var lastSid] && lastSid == messageSid)
        {
            return;
        }

        await store.SetAsync(channel, user, LastInboundKey,
            timeProvider.GetUtcNow().ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture) + " " + messageSid, cancellationToken);
    }

    /// <summary>Whether <paramref name="user"/> wrote within <paramref name="window"/>.</summary>
    public async Task<bool> InWindowAsync(string user, TimeSpan window, CancellationToken cancellationToken) =>
        await LastMessageInWindowAsync(user, window, cancellationToken) is not null;

    /// <summary>The SID of <paramref name="user"/>'s last message when it came within <paramref name="window"/>, else null.</summary>
    public async Task<string?> LastMessageInWindowAsync(string user, TimeSpan window, CancellationToken cancellationToken)
    {
        if (await store.GetAsync(channel, user, LastInboundKey, cancellationToken) is not { } value)
        {
            return null;
        }

        var parts = value.Split(' ', 2);
        return long.TryParse(parts[0], NumberStyles.Integer, CultureInfo.InvariantCulture, out var at)
            && timeProvider.GetUtcNow() - DateTimeOffset.FromUnixTimeMilliseconds(at) < window
                ? parts.Length == 2 ? parts[1] : ""
                : null;
    }

    /// <summary>Records STOP (true) or START (false).</summary>
    public Task OptOutAsync(string user, bool optedOut, CancellationToken cancellationToken) =>
        store.SetAsync(channel, user, OptedOutKey, optedOut ? "true" : null, cancellationToken);

    /// <summary>Whether <paramref name="user"/> sent STOP (or Twilio answered 21610) and not START since.</summary>
    public async Task<bool> IsOptedOutAsync(string user, CancellationToken cancellationToken) =>
        await store.GetAsync(channel, user, OptedOutKey, cancellationToken) is not null;
}
