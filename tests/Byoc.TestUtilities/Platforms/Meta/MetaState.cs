namespace Byoc.TestUtilities.Platforms.Meta;

/// <summary>What the fake WhatsApp knows: when each user last wrote, the users' messages, and what the application sent.</summary>
internal sealed class MetaState(FakeMetaOptions options)
{
    private long _next;

    public FakeMetaOptions Options { get; } = options;

    public Lock Sync { get; } = new();

    /// <summary>When each user (wa_id) last wrote.</summary>
    public Dictionary<string, DateTimeOffset> LastInbound { get; } = new(StringComparer.Ordinal);

    /// <summary>The users' message ids, which read receipts may refer to.</summary>
    public HashSet<string> InboundIds { get; } = new(StringComparer.Ordinal);

    /// <summary>The application's accepted messages by wamid.</summary>
    public Dictionary<string, WhatsAppSentMessage> Sent { get; } = new(StringComparer.Ordinal);

    /// <summary>A new message id in Meta's shape (<c>wamid.</c> and base64).</summary>
    public string NewWamid() =>
        "wamid." + Convert.ToBase64String(BitConverter.GetBytes(Interlocked.Increment(ref _next)).Concat(Guid.NewGuid().ToByteArray()).ToArray());

    public bool InWindow(string user)
    {
        lock (Sync)
        {
            return LastInbound.TryGetValue(user, out var at) && Options.TimeProvider.GetUtcNow() - at < Options.Window;
        }
    }
}
