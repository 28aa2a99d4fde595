namespace Byoc.TestUtilities.Platforms.Line;

/// <summary>How a <see cref="FakeLine"/> behaves. The defaults follow LINE's Messaging API reference; each choice it leaves
/// open is named in <c>Platforms/README.md</c>.</summary>
public sealed class FakeLineOptions
{
    /// <summary>The channel secret: the key of every <c>x-line-signature</c>.</summary>
    public string ChannelSecret { get; set; } = "f4ke11ne0channel0secret000000000";

    /// <summary>The long-lived channel access token the API accepts as <c>Authorization: Bearer</c>.</summary>
    public string ChannelAccessToken { get; set; } = "f4keL1neL0ngL1vedChannelAccessToken0000000000000000=";

    /// <summary>The bot's user id, each webhook's <c>destination</c> and <c>GET /v2/bot/info</c>'s <c>userId</c>.</summary>
    public string BotUserId { get; set; } = "U0f4ke0000000000000000000000bot01";

    /// <summary>The bot's basic id (the <c>@</c> name end users search for).</summary>
    public string BasicId { get; set; } = "@123fakeb";

    /// <summary>The LINE Official Account's display name.</summary>
    public string DisplayName { get; set; } = "Byoc Test Bistro";

    /// <summary>The clock for timestamps, reply-token expiry and webhook redeliveries.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>How long a reply token is accepted after its webhook. LINE guarantees one minute only (what it does later is UNCONFIRMED). <value>1 minute.</value></summary>
    public TimeSpan ReplyTokenLifetime { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// The waits before each redelivery of a webhook answered non-2xx or not in time, when "Webhook redelivery" is on.
    /// LINE publishes no schedule (UNCONFIRMED). <value>The default is 1 s, 10 s, 1 min, 10 min; empty turns redelivery off.</value>
    /// </summary>
    public IReadOnlyList<TimeSpan> RedeliveryDelays { get; set; } =
        [TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(10), TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(10)];

    /// <summary>How long the fake waits for a webhook answer (LINE's is UNCONFIRMED; it asks for an answer within seconds). <value>20 seconds.</value></summary>
    public TimeSpan WebhookTimeout { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>Whether an image URL must be HTTPS, as on LINE. <value>True; loopback hosts are always accepted so tests can serve the files.</value></summary>
    public bool RequireHttpsUrls { get; set; } = true;

    internal void Validate()
    {
        ArgumentException.ThrowIfNullOrEmpty(ChannelSecret, nameof(ChannelSecret));
        ArgumentException.ThrowIfNullOrEmpty(ChannelAccessToken, nameof(ChannelAccessToken));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(ReplyTokenLifetime, TimeSpan.Zero, nameof(ReplyTokenLifetime));
    }
}
