namespace Byoc.Core.Delivery;

/// <summary>How one attempt to hand a message on ended: to Salesforce, to a platform, or to a queue worker.</summary>
public enum DeliveryOutcomeKind
{
    /// <summary>The receiver accepted the message; nothing more to do.</summary>
    Succeeded,

    /// <summary>A transient failure (see <see cref="TransientFailures"/>): try again later.</summary>
    Retryable,

    /// <summary>The receiver will never accept this message: retrying cannot help.</summary>
    Permanent,
}
