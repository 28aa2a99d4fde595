namespace Byoc.Core.Delivery;

/// <summary>
/// The result value of one attempt to deliver a message: what the Salesforce client, every outbound channel adapter
/// and the queue workers return and act on. Expected failures are values, never exceptions.
/// </summary>
/// <param name="Kind">Succeeded, retryable or permanent.</param>
/// <param name="Error">A short, secret-free description of a failure; null on success.</param>
/// <param name="RetryAfter">
/// For a retryable failure: how long the receiver asked us to wait (<c>Retry-After</c>, Telegram's <c>retry_after</c>).
/// The queue worker makes this the earliest next attempt, capped at its longest retry delay.
/// </param>
public readonly record struct DeliveryOutcome(DeliveryOutcomeKind Kind, string? Error = null, TimeSpan? RetryAfter = null)
{
    /// <summary>The attempt succeeded.</summary>
    public static DeliveryOutcome Succeeded { get; } = new(DeliveryOutcomeKind.Succeeded);

    /// <summary>Whether the attempt succeeded.</summary>
    public bool IsSuccess => Kind == DeliveryOutcomeKind.Succeeded;

    /// <summary>A failure worth retrying, optionally no sooner than <paramref name="retryAfter"/> from now.</summary>
    public static DeliveryOutcome Retryable(string error, TimeSpan? retryAfter = null) =>
        new(DeliveryOutcomeKind.Retryable, error, retryAfter is { } wait && wait > TimeSpan.Zero ? wait : null);

    /// <summary>A failure not worth retrying.</summary>
    public static DeliveryOutcome Permanent(string error) => new(DeliveryOutcomeKind.Permanent, error);

    /// <summary>
    /// The outcome of an HTTP answer that was not a success: retryable when <see cref="TransientFailures.IsTransient"/>
    /// says so (with the receiver's <paramref name="retryAfter"/>), otherwise permanent.
    /// </summary>
    public static DeliveryOutcome ForStatus(int status, string error, TimeSpan? retryAfter = null) =>
        TransientFailures.IsTransient(status) ? Retryable(error, retryAfter) : Permanent(error);
}
