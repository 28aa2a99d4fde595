using System.Net;

namespace Byoc.Connector.Salesforce;

/// <summary>Decides whether a failed Interaction Service API call is worth retrying (interaction-service-api.md §4.2).</summary>
internal static class ApiErrorClassifier
{
    /// <summary>10019 org migration (read-only), 10055 precondition failed, 10056 processing aborted, 10094 downstream timeout.</summary>
    private static readonly HashSet<int> s_retryableCodes = [10019, 10055, 10056, 10094];

    public static ApiOutcome Classify(HttpStatusCode status, int? errorCode)
    {
        if (errorCode is { } code && s_retryableCodes.Contains(code))
        {
            return ApiOutcome.Retryable;
        }

        var numeric = (int)status;
        return numeric == 429 || numeric == 408 || numeric >= 500 ? ApiOutcome.Retryable : ApiOutcome.Permanent;
    }
}
