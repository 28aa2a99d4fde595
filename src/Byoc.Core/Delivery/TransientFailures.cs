using System.Net.Http.Headers;

namespace Byoc.Core.Delivery;

/// <summary>
/// The one rule for which HTTP answers are worth retrying (408 Request Timeout, 429 Too Many Requests and every 5xx),
/// and how long a receiver asked us to wait. Used by the Salesforce client, the channel adapters and the downloads.
/// </summary>
public static class TransientFailures
{
    /// <summary>Whether an HTTP status means "try again later" rather than "this will never work".</summary>
    public static bool IsTransient(int status) => status is 408 or 429 or >= 500;

    /// <summary>
    /// The wait a <c>Retry-After</c> header asks for (RFC 9110 §10.2.3: seconds, or an HTTP date read against
    /// <paramref name="timeProvider"/>'s clock); null when there is none, or it is already due.
    /// </summary>
    public static TimeSpan? RetryAfter(HttpResponseHeaders headers, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(headers);
        ArgumentNullException.ThrowIfNull(timeProvider);
        var wait = headers.RetryAfter switch
        {
            { Delta: { } delta } => delta,
            { Date: { } date } => date - timeProvider.GetUtcNow(),
            _ => (TimeSpan?)null,
        };
        return wait > TimeSpan.Zero ? wait : null;
    }

    /// <summary>The outcome of a response that was not a success: <see cref="DeliveryOutcome.ForStatus"/> with its <c>Retry-After</c>.</summary>
    public static DeliveryOutcome Classify(HttpResponseMessage response, string error, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(response);
        return DeliveryOutcome.ForStatus((int)response.StatusCode, error, RetryAfter(response.Headers, timeProvider));
    }
}
