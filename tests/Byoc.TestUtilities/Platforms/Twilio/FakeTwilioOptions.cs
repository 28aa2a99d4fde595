namespace Byoc.TestUtilities.Platforms.Twilio;

/// <summary>How a <see cref="FakeTwilio"/> behaves. The defaults follow Twilio's documentation; each choice it leaves
/// open is named in <c>Platforms/README.md</c>.</summary>
public sealed class FakeTwilioOptions
{
    /// <summary>The account SID (<c>AC</c> + 32 hex digits): the basic-auth user name and the path's account.</summary>
    public string AccountSid { get; set; } = "AC0000000000000000000000000000fa6e";

    /// <summary>The Auth Token: the basic-auth password and the key of every webhook signature.</summary>
    public string AuthToken { get; set; } = "f4ke0000000000000000000000000000";

    /// <summary>An API key SID (<c>SK</c>…) the REST API also accepts as the user name, with <see cref="ApiKeySecret"/>.</summary>
    public string ApiKeySid { get; set; } = "SK0000000000000000000000000000fa6e";

    /// <summary>The API key's secret.</summary>
    public string ApiKeySecret { get; set; } = "f4kesecret000000000000000000000";

    /// <summary>The account's SMS/MMS number (E.164), the <c>To</c> of users' texts and a valid <c>From</c>.</summary>
    public string PhoneNumber { get; set; } = "+15557654321";

    /// <summary>The account's WhatsApp sender, a valid <c>From</c> as <c>whatsapp:</c> + this number.</summary>
    public string WhatsAppNumber { get; set; } = "+15557654322";

    /// <summary>The Messaging Service (<c>MG</c>…) whose sender pool holds both numbers.</summary>
    public string MessagingServiceSid { get; set; } = "MG0000000000000000000000000000fa6e";

    /// <summary>The number's "A message comes in" webhook; it may carry connection-override fragments (<c>#rc=3&amp;rp=all</c>).</summary>
    public Uri? WebhookUrl { get; set; }

    /// <summary>The clock for message dates, the WhatsApp window, rate limits and webhook timeouts.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>
    /// The limit on REST calls per account, answered 429 with error 20429 beyond it; null for none. Twilio documents a
    /// per-account concurrency limit without a number (UNCONFIRMED), so the default allows bursts of 100 and then 100 per
    /// second. Per-number throughput is not an error at Twilio (messages wait in its queue), so the fake does not refuse it.
    /// </summary>
    public RateLimit? ApiLimit { get; set; } = new(100, 100);

    /// <summary>The WhatsApp customer-service window: free-form messages need an inbound message this recent (24 hours).</summary>
    public TimeSpan WhatsAppWindow { get; set; } = TimeSpan.FromHours(24);

    /// <summary>
    /// The statuses the fake reports, in this order, to a message's <c>StatusCallback</c> after creating it (none for the
    /// initial <c>queued</c>/<c>accepted</c>, as Twilio sends none). List them out of order to test a receiver's
    /// ordering; empty to report only what the test calls <c>FakeTwilio.ReportStatusAsync</c> for.
    /// <value>The default is <c>sent</c>, <c>delivered</c>.</value>
    /// </summary>
    public IReadOnlyList<string> AutoStatuses { get; set; } = ["sent", "delivered"];

    /// <summary>
    /// True to post a created message's status callbacks before answering the create call: Twilio processes a message
    /// while its 201 is still on the way, so a receiver can hear <c>failed</c> (63016) before it has the message's answer.
    /// <value>The default is false: the callbacks run alongside the answer.</value>
    /// </summary>
    public bool StatusCallbacksBeforeAnswer { get; set; }

    /// <summary>How long the fake waits for a <c>MediaUrl</c> to answer (UNCONFIRMED). <value>The default is 15 seconds.</value></summary>
    public TimeSpan MediaFetchTimeout { get; set; } = TimeSpan.FromSeconds(15);

    internal void Validate()
    {
        if (!AccountSid.StartsWith("AC", StringComparison.Ordinal) || AccountSid.Length != 34)
        {
            throw new ArgumentException("FakeTwilioOptions.AccountSid must be 'AC' followed by 32 characters.", nameof(AccountSid));
        }

        ArgumentException.ThrowIfNullOrEmpty(AuthToken, nameof(AuthToken));
        ApiLimit?.Validate(nameof(ApiLimit));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(WhatsAppWindow, TimeSpan.Zero, nameof(WhatsAppWindow));
    }
}
