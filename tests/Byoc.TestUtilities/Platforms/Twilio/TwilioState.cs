using System.Globalization;

namespace Byoc.TestUtilities.Platforms.Twilio;

/// <summary>What the fake Twilio account holds: media, the users' last messages, opt-outs and sent messages. Guarded by <see cref="Sync"/>.</summary>
internal sealed class TwilioState(FakeTwilioOptions options)
{
    private readonly string _instance = Guid.NewGuid().ToString("N")[..16];
    private long _sequence;

    public Lock Sync { get; } = new();

    public FakeTwilioOptions Options { get; } = options;

    public Dictionary<string, TwilioStoredMedia> Media { get; } = new(StringComparer.Ordinal);

    /// <summary>When each user (<c>From</c> as Twilio writes it) last wrote: WhatsApp's 24-hour window opens there.</summary>
    public Dictionary<string, DateTimeOffset> LastInbound { get; } = new(StringComparer.Ordinal);

    /// <summary>SMS users who sent STOP (or a synonym) and not yet START.</summary>
    public HashSet<string> OptedOut { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, TwilioSentMessage> Sent { get; } = new(StringComparer.Ordinal);

    /// <summary>The Content API resources the application created, by SID.</summary>
    public Dictionary<string, TwilioContent> Contents { get; } = new(StringComparer.Ordinal);

    /// <summary>
    /// A new SID: the two-letter prefix and 32 hex digits. Random like Twilio's (unique across fakes too, so a second fake
    /// talking to the same connector store never repeats a first one's MessageSid), with a counter in the low digits so
    /// SIDs of one fake never collide.
    /// </summary>
    public string NewSid(string prefix) =>
        prefix + _instance + Interlocked.Increment(ref _sequence).ToString("x16", CultureInfo.InvariantCulture);

    public bool IsOwnSender(string from) =>
        from == Options.PhoneNumber || from == "whatsapp:" + Options.WhatsAppNumber;
}
