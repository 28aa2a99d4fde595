namespace Byoc.Connector.Pipeline;

/// <summary>Classifies a <see cref="ProcessResult"/>.</summary>
internal enum ProcessOutcome
{
    /// <summary>Delivered; mark the row done.</summary>
    Done,

    /// <summary>Transient failure; retry with backoff until attempts run out.</summary>
    Retry,

    /// <summary>Will never succeed; dead-letter now.</summary>
    Permanent,
}
