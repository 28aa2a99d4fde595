using Byoc.Core.Delivery;

namespace Byoc.Connector.Salesforce;

/// <summary>Decides whether a failed Interaction Service API call is worth retrying (interaction-service-api.md §4.2).</summary>
internal static class ApiErrorClassifier
{
    /// <summary>10019 org migration (read-only), 10055 precondition failed, 10056 processing aborted, 10094 downstream timeout.</summary>
    private static readonly HashSet<int> s_retryableCodes = [10019, 10055, 10056, 10094];

    /// <summary>The outcome of an error answer: the API's own retryable codes, then the HTTP status rule.</summary>
    public static DeliveryOutcome Classify(int status, int? errorCode, string error, TimeSpan? retryAfter) =>
        errorCode is { } code && s_retryableCodes.Contains(code)
            ? DeliveryOutcome.Retryable(error, retryAfter)
            : DeliveryOutcome.ForStatus(status, error, retryAfter);
}
