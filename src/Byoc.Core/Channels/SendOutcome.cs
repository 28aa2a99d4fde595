namespace Byoc.Core.Channels;

/// <summary>How a send to a platform ended.</summary>
internal enum SendOutcome
{
    /// <summary>The platform accepted the message (and, for synchronous platforms, delivered it).</summary>
    Delivered,

    /// <summary>A transient failure: try again later.</summary>
    RetryableFailure,

    /// <summary>The platform will never accept this message.</summary>
    PermanentFailure,
}
