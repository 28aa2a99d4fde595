namespace Byoc.TestUtilities.Platforms.Meta;

/// <summary>How a <see cref="FakeMessenger"/> behaves. The defaults follow Meta's Messenger Platform documentation; each
/// choice it leaves open is named in <c>Platforms/README.md</c>.</summary>
public sealed class FakeMessengerOptions
{
    /// <summary>The app's App Secret: the key of every <c>X-Hub-Signature-256</c>.</summary>
    public string AppSecret { get; set; } = "f4ke0messenger0app0secret0000000b";

    /// <summary>The Page access token the Send API accepts (as <c>Authorization: Bearer</c> or <c>access_token</c>).</summary>
    public string PageAccessToken { get; set; } = "EAAf4kePage00000000000000000000000token";

    /// <summary>The Facebook Page's id: each webhook entry's <c>id</c> and the Send API's path segment (or <c>me</c>).</summary>
    public string PageId { get; set; } = "104259868523674";

    /// <summary>The Page's name, as <c>GET /me</c> shows it.</summary>
    public string PageName { get; set; } = "Byoc Test Bistro";

    /// <summary>The clock for timestamps, watermarks, the messaging windows and webhook retries.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>The standard messaging window: <c>RESPONSE</c> and <c>UPDATE</c> messages need an end user's message this recent (24 hours).</summary>
    public TimeSpan StandardWindow { get; set; } = TimeSpan.FromHours(24);

    /// <summary>How long after the end user's last message a <c>HUMAN_AGENT</c> tagged message may go (7 days).</summary>
    public TimeSpan HumanAgentWindow { get; set; } = TimeSpan.FromDays(7);

    /// <summary>
    /// The receipts the fake posts after each accepted message, in this order, one webhook each: <c>delivery</c> (with the
    /// message's mid and a watermark of the fake's time) and <c>read</c> (a watermark). Empty to post only what the test
    /// asks for. <value>The default is <c>delivery</c>.</value>
    /// </summary>
    public IReadOnlyList<string> AutoReceipts { get; set; } = ["delivery"];

    /// <summary>
    /// The waits before each retry of a webhook answered non-2xx or not answered within <see cref="WebhookTimeout"/>
    /// (Meta publishes no schedule; UNCONFIRMED). <value>The default is 1 s, 5 s, 30 s, 5 min, 30 min, 1 h, 6 h and 24 h.</value>
    /// </summary>
    public IReadOnlyList<TimeSpan> RetryDelays { get; set; } =
    [
        TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(5),
        TimeSpan.FromMinutes(30), TimeSpan.FromHours(1), TimeSpan.FromHours(6), TimeSpan.FromHours(24),
    ];

    /// <summary>How long the fake waits for a webhook answer (UNCONFIRMED). <value>The default is 20 seconds.</value></summary>
    public TimeSpan WebhookTimeout { get; set; } = TimeSpan.FromSeconds(20);

    internal void Validate()
    {
        ArgumentException.ThrowIfNullOrEmpty(AppSecret, nameof(AppSecret));
        ArgumentException.ThrowIfNullOrEmpty(PageAccessToken, nameof(PageAccessToken));
        ArgumentException.ThrowIfNullOrEmpty(PageId, nameof(PageId));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(StandardWindow, TimeSpan.Zero, nameof(StandardWindow));
        ArgumentOutOfRangeException.ThrowIfLessThan(HumanAgentWindow, StandardWindow, nameof(HumanAgentWindow));
    }
}
