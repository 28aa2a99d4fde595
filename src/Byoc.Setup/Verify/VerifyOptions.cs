namespace Byoc.Setup.Verify;

/// <summary>Where <c>byoc verify</c> sends its test conversation and what it expects the org to do with it.</summary>
public sealed record VerifyOptions
{
    /// <summary>The running connector's base URL.</summary>
    public required Uri ConnectorUrl { get; init; }

    /// <summary>The connector's webhook channel name (<c>POST /webhooks/{name}</c>).</summary>
    public string WebhookChannel { get; init; } = "webhook";

    /// <summary>That channel's <c>whsec_</c> secret, to sign the end user's messages.</summary>
    public required string WebhookSecret { get; init; }

    /// <summary>
    /// Where the channel's outbound messages can be read back (<c>GET</c> returns a JSON array, as <c>byoc up</c>'s
    /// <c>/up/webhook-sink</c> does); null checks delivery through the org's transcript only.
    /// </summary>
    public Uri? SinkUrl { get; init; }

    /// <summary>The developer name of the Agentforce Service Agent that should answer first.</summary>
    public string Agent { get; init; } = "Reservation_Agent";

    /// <summary>The BYOC channel's developer name.</summary>
    public string Channel { get; init; } = "AgentforceChannel";

    /// <summary>How long to wait for each reply or routing change.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>The test end user's id on the channel; unique per run so a run never reads another's session.</summary>
    public string EndUserId { get; init; } = "byoc-verify-" + Guid.NewGuid().ToString("N")[..12];
}
