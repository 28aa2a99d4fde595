namespace Byoc.TestUtilities.Platforms.Slack;

/// <summary>How a <see cref="FakeSlack"/> behaves. The defaults follow Slack's documentation; see <c>Platforms/README.md</c>.</summary>
public sealed class FakeSlackOptions
{
    /// <summary>The app's signing secret: the key of every <c>X-Slack-Signature</c>.</summary>
    public string SigningSecret { get; set; } = "8f742231b10e8888abcd99yyyzzz85a5";

    /// <summary>The bot token the Web API and the file downloads accept as <c>Authorization: Bearer</c>.</summary>
    public string BotToken { get; set; } = "xoxb-17653672481-19874698323-pdFZKVeTuE8sk7oOcBrzbqgy";

    /// <summary>The workspace's id (<c>team_id</c>).</summary>
    public string TeamId { get; set; } = "T061EG9R6";

    /// <summary>The app's id (<c>api_app_id</c>).</summary>
    public string AppId { get; set; } = "A0KRD7HC3";

    /// <summary>The app's bot user (<c>authorizations[].user_id</c>, <c>auth.test</c>'s <c>user_id</c>).</summary>
    public string BotUserId { get; set; } = "U0LAN0Z89";

    /// <summary>The app's bot id: the <c>bot_id</c> of every message it posts.</summary>
    public string BotId { get; set; } = "B0LAN0Z89";

    /// <summary>
    /// The channels the bot is a member of (direct messages, <c>D…</c>, and channels, <c>C…</c>); a post anywhere else is
    /// <c>channel_not_found</c>, or <c>not_in_channel</c> for one listed in <see cref="ChannelsWithoutBot"/>.
    /// </summary>
    public ISet<string> Channels { get; } = new HashSet<string>(StringComparer.Ordinal) { "D024BE91L", "C2147483705" };

    /// <summary>Channels that exist but that the bot was not invited to.</summary>
    public ISet<string> ChannelsWithoutBot { get; } = new HashSet<string>(StringComparer.Ordinal) { "C0NOTINVITED" };

    /// <summary>The clock for timestamps, signatures, rate limits and event retries.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>
    /// chat.postMessage's rate per channel, answered 429 with <c>Retry-After</c> beyond it; null for none. Slack allows
    /// about one message per second per channel with short bursts (the burst size is UNCONFIRMED).
    /// <value>The default allows bursts of 10, then 1 per second.</value>
    /// </summary>
    public RateLimit? PostRate { get; set; } = new(1, 10);

    /// <summary>
    /// The waits before each retry of an event answered non-2xx or not within <see cref="EventTimeout"/>: Slack retries
    /// at once, after about a minute and after about five. <value>The default is 0, 1 min, 5 min.</value>
    /// </summary>
    public IReadOnlyList<TimeSpan> RetryDelays { get; set; } = [TimeSpan.Zero, TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(5)];

    /// <summary>How long Slack waits for an event's answer before it counts as failed (3 seconds).</summary>
    public TimeSpan EventTimeout { get; set; } = TimeSpan.FromSeconds(3);

    internal void Validate()
    {
        ArgumentException.ThrowIfNullOrEmpty(SigningSecret, nameof(SigningSecret));
        ArgumentException.ThrowIfNullOrEmpty(BotToken, nameof(BotToken));
        PostRate?.Validate(nameof(PostRate));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(EventTimeout, TimeSpan.Zero, nameof(EventTimeout));
    }
}
