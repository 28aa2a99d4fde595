using Byoc.Core.Delivery;

namespace Byoc.Connector.Salesforce;

/// <summary>
/// Decides whether a failed Interaction Service API call is worth retrying (interaction-service-api.md §4.2; the codes of
/// ERRORCODES.md). The API's own retryable codes are retried; every other documented client error (10xxx, 15xxx, and
/// 20003, an empty interaction list) is permanent whatever HTTP status carries it, since the same request fails the same
/// way on every retry and would hold its conversation until the attempts run out; anything else (no code, code 500, the
/// service errors 200xx/250xx, an HTML error page) follows the HTTP status rule of <see cref="TransientFailures"/>.
/// </summary>
internal static class ApiErrorClassifier
{
    /// <summary>10019 org migration (read-only), 10055 precondition failed, 10056 processing aborted, 10094 downstream timeout.</summary>
    private static readonly HashSet<int> s_retryableCodes = [10019, 10055, 10056, 10094];

    /// <summary>The outcome of an error answer: the API's own retryable codes, then its client errors, then the HTTP status rule.</summary>
    public static DeliveryOutcome Classify(int status, int? errorCode, string error, TimeSpan? retryAfter) => errorCode switch
    {
        { } code when s_retryableCodes.Contains(code) => DeliveryOutcome.Retryable(error, retryAfter),
        { } code when IsClientError(code) => DeliveryOutcome.Permanent(error),
        _ => DeliveryOutcome.ForStatus(status, error, retryAfter),
    };

    private static bool IsClientError(int code) => code is >= 10000 and < 20000 or 20003;
}
