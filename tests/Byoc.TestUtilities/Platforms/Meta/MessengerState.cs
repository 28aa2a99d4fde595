namespace Byoc.TestUtilities.Platforms.Meta;

/// <summary>What the fake Messenger knows: when each user (PSID) last wrote, the users' files on its CDN, the uploads and what was sent.</summary>
internal sealed class MessengerState(FakeMessengerOptions options)
{
    private long _next;

    public FakeMessengerOptions Options { get; } = options;

    public Lock Sync { get; } = new();

    /// <summary>When each user last wrote to the Page; only these PSIDs may be messaged.</summary>
    public Dictionary<string, DateTimeOffset> LastInbound { get; } = new(StringComparer.Ordinal);

    /// <summary>The users' files on the fake CDN, by id.</summary>
    public Dictionary<string, (string MimeType, byte[] Content)> Cdn { get; } = new(StringComparer.Ordinal);

    /// <summary>The application's uploads by attachment id.</summary>
    public Dictionary<string, MessengerUpload> Uploads { get; } = new(StringComparer.Ordinal);

    /// <summary>A new message id in Meta's shape (<c>m_</c> and URL-safe base64).</summary>
    public string NewMid() =>
        "m_" + Convert.ToBase64String(BitConverter.GetBytes(Interlocked.Increment(ref _next)).Concat(Guid.NewGuid().ToByteArray()).ToArray())
            .TrimEnd('=').Replace('+', '-').Replace('/', '_');

    /// <summary>A new numeric id (attachment ids, CDN files).</summary>
    public string NewId() => (1_000_000_000_000_000 + Interlocked.Increment(ref _next)).ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>How long ago <paramref name="user"/> last wrote, or null when they never did (then they cannot be messaged).</summary>
    public TimeSpan? SinceLastInbound(string user)
    {
        lock (Sync)
        {
            return LastInbound.TryGetValue(user, out var at) ? Options.TimeProvider.GetUtcNow() - at : null;
        }
    }
}
