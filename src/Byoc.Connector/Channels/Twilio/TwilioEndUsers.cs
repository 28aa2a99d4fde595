using System.Collections.Concurrent;

namespace Byoc.Connector.Channels.Twilio;

/// <summary>
/// What the channel knows of each end user between messages: when they last wrote (the start of WhatsApp's
/// customer-service window) and whether they opted out. Kept in memory: after a restart the window counts as closed (the
/// template is used, or Twilio's 63016 is handled) and a STOP is re-learned from Twilio's own 21610 refusal.
/// </summary>
internal sealed class TwilioEndUsers(TimeProvider timeProvider)
{
    private readonly ConcurrentDictionary<string, DateTimeOffset> _lastInbound = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, bool> _optedOut = new(StringComparer.Ordinal);

    /// <summary>Records a message from <paramref name="user"/> now.</summary>
    public void Wrote(string user) => _lastInbound[user] = timeProvider.GetUtcNow();

    /// <summary>Whether <paramref name="user"/> wrote within <paramref name="window"/>.</summary>
    public bool InWindow(string user, TimeSpan window) =>
        _lastInbound.TryGetValue(user, out var at) && timeProvider.GetUtcNow() - at < window;

    /// <summary>Records STOP (true) or START (false).</summary>
    public void OptOut(string user, bool optedOut)
    {
        if (optedOut)
        {
            _optedOut[user] = true;
        }
        else
        {
            _optedOut.TryRemove(user, out _);
        }
    }

    /// <summary>Whether <paramref name="user"/> sent STOP and not START since.</summary>
    public bool IsOptedOut(string user) => _optedOut.ContainsKey(user);
}
