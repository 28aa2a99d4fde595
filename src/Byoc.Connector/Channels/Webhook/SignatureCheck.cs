namespace Byoc.Connector.Channels.Webhook;

/// <summary>The outcome of a Standard Webhooks signature check.</summary>
internal enum SignatureCheck
{
    /// <summary>A listed signature matched.</summary>
    Valid,

    /// <summary><c>webhook-id</c>, <c>webhook-timestamp</c> or <c>webhook-signature</c> is missing.</summary>
    MissingHeaders,

    /// <summary>The timestamp is unreadable or outside the replay window.</summary>
    StaleTimestamp,

    /// <summary>No listed signature matched.</summary>
    BadSignature,
}
