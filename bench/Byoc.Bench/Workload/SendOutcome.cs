namespace Byoc.Bench.Workload;

/// <summary>What became of one send attempt.</summary>
internal enum SendOutcome
{
    /// <summary>Accepted (webhook 2xx, or the API's 202).</summary>
    Accepted,

    /// <summary>Worth retrying with the same id: connection refused, timeout, 408, 429, 5xx.</summary>
    Transient,

    /// <summary>Refused for good (another 4xx): counted as an error.</summary>
    Rejected,
}
