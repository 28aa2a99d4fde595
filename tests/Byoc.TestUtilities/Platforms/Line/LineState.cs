namespace Byoc.TestUtilities.Platforms.Line;

/// <summary>What the fake LINE knows: its users, the reply and read tokens it issued, the retry keys it accepted, and the users' files.</summary>
internal sealed class LineState(FakeLineOptions options)
{
    private long _next;

    public FakeLineOptions Options { get; } = options;

    public Lock Sync { get; } = new();

    /// <summary>The users who wrote to (or followed) the account, and whether each blocks it now.</summary>
    public Dictionary<string, bool> Users { get; } = new(StringComparer.Ordinal);

    /// <summary>Reply tokens by value: the user, when issued, and whether used.</summary>
    public Dictionary<string, (string User, DateTimeOffset IssuedAt, bool Used)> ReplyTokens { get; } = new(StringComparer.Ordinal);

    /// <summary>Mark-as-read tokens by value: the user and the message.</summary>
    public Dictionary<string, (string User, string MessageId)> ReadTokens { get; } = new(StringComparer.Ordinal);

    /// <summary>Accepted retry keys and the request id that accepted each.</summary>
    public Dictionary<string, string> RetryKeys { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The users' files by message id.</summary>
    public Dictionary<string, (string MimeType, byte[] Content)> Content { get; } = new(StringComparer.Ordinal);

    /// <summary>A new message id (digits, as LINE's).</summary>
    public string NewMessageId() => (480_000_000_000_000_000 + Interlocked.Increment(ref _next)).ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>A new webhook event id (a ULID-like 26 characters, as LINE's).</summary>
    public string NewEventId() => "01F" + Interlocked.Increment(ref _next).ToString("D8", System.Globalization.CultureInfo.InvariantCulture)
        + Guid.NewGuid().ToString("N")[..15].ToUpperInvariant();

    /// <summary>A new opaque token (reply, read, request id).</summary>
    public static string NewToken() => Convert.ToHexStringLower(Guid.NewGuid().ToByteArray()) + Convert.ToHexStringLower(Guid.NewGuid().ToByteArray()[..4]);
}
