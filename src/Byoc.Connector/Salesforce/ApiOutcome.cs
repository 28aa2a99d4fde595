namespace Byoc.Connector.Salesforce;

/// <summary>How an Interaction Service API call ended.</summary>
internal enum ApiOutcome
{
    /// <summary>2xx.</summary>
    Success,

    /// <summary>429, 5xx, a timeout, a network error, or codes 10019/10055/10056/10094: try again later.</summary>
    Retryable,

    /// <summary>Any other error: retrying will not help.</summary>
    Permanent,
}
