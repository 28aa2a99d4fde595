namespace Byoc.TestUtilities.Platforms.Meta;

/// <summary>How a <see cref="FakeMeta"/> behaves. The defaults follow Meta's documentation; each choice it leaves open is
/// named in <c>Platforms/README.md</c>.</summary>
public sealed class FakeMetaOptions
{
    /// <summary>The app's App Secret: the key of every <c>X-Hub-Signature-256</c>.</summary>
    public string AppSecret { get; set; } = "f4ke0app0secret0000000000000000a";

    /// <summary>The system user's access token the Graph API accepts as <c>Authorization: Bearer</c>.</summary>
    public string AccessToken { get; set; } = "EAAf4ke0000000000000000000000000000token";

    /// <summary>The business phone number's id, the path segment of <c>/{version}/{id}/messages</c>.</summary>
    public string PhoneNumberId { get; set; } = "106540352242922";

    /// <summary>
    /// Whether the app is subscribed to the WABA's webhooks, as <c>GET /{waba-id}/subscribed_apps</c> lists it; an app not
    /// subscribed gets no webhooks for the number. <value>Default true.</value>
    /// </summary>
    public bool AppSubscribed { get; set; } = true;

    /// <summary>The business phone number as webhooks show it in <c>metadata.display_phone_number</c>.</summary>
    public string DisplayPhoneNumber { get; set; } = "15557654323";

    /// <summary>The business's verified name, as <c>GET /{phone-number-id}</c> shows it.</summary>
    public string VerifiedName { get; set; } = "Byoc Test Bistro";

    /// <summary>The WhatsApp Business Account id, each webhook entry's <c>id</c> and the path segment of <c>GET /{version}/{id}/subscribed_apps</c>.</summary>
    public string BusinessAccountId { get; set; } = "102290129340398";

    /// <summary>The clock for timestamps, the customer-service window, rate limits and webhook retries.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>The customer-service window: free-form messages need an inbound message this recent (24 hours).</summary>
    public TimeSpan Window { get; set; } = TimeSpan.FromHours(24);

    /// <summary>
    /// The number's throughput, answered with error 130429 beyond it; null for none. The Cloud API's default is 80
    /// messages per second; the burst is UNCONFIRMED. <value>The default allows bursts of 80, then 80 per second.</value>
    /// </summary>
    public RateLimit? Throughput { get; set; } = new(80, 80);

    /// <summary>The approved templates by name. <value>The default is <c>follow_up</c> in <c>en_US</c> with one body parameter.</value></summary>
    public IDictionary<string, MetaTemplate> Templates { get; } = new Dictionary<string, MetaTemplate>(StringComparer.Ordinal)
    {
        ["follow_up"] = new("en_US", 1),
    };

    /// <summary>
    /// The statuses the fake reports for each accepted message, in this order, one webhook each. List them out of order
    /// to test a receiver's ordering; empty to report only what the test calls <c>FakeMeta.ReportStatusAsync</c> for.
    /// <value>The default is <c>sent</c>, <c>delivered</c>.</value>
    /// </summary>
    public IReadOnlyList<string> AutoStatuses { get; set; } = ["sent", "delivered"];

    /// <summary>
    /// The waits before each retry of a webhook answered non-2xx or not answered within <see cref="WebhookTimeout"/>.
    /// Meta retries "with decreasing frequency" for up to 7 days without publishing a schedule (UNCONFIRMED).
    /// <value>The default is 1 s, 5 s, 30 s, 5 min, 30 min, 1 h, 6 h and 24 h.</value>
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
        ArgumentException.ThrowIfNullOrEmpty(AccessToken, nameof(AccessToken));
        ArgumentException.ThrowIfNullOrEmpty(PhoneNumberId, nameof(PhoneNumberId));
        Throughput?.Validate(nameof(Throughput));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(Window, TimeSpan.Zero, nameof(Window));
    }
}
