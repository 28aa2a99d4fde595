namespace Byoc.Core.Delivery;

/// <summary>
/// Capped exponential backoff with full jitter: attempt n waits a random time in
/// [<see cref="BaseDelay"/>·2^(n-1)/2, <see cref="BaseDelay"/>·2^(n-1)], never more than <see cref="MaxDelay"/>.
/// After <see cref="MaxAttempts"/> failed attempts the item is dead-lettered.
/// </summary>
public sealed class RetryPolicy
{
    private readonly Func<double> _random;

    /// <summary>Creates a policy; <paramref name="random"/> returns values in [0, 1) and defaults to a shared random source.</summary>
    public RetryPolicy(TimeSpan baseDelay, TimeSpan maxDelay, int maxAttempts, Func<double>? random = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(baseDelay, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxDelay, baseDelay);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxAttempts, 1);
        BaseDelay = baseDelay;
        MaxDelay = maxDelay;
        MaxAttempts = maxAttempts;
        _random = random ?? Random.Shared.NextDouble;
    }

    /// <summary>The delay before the second attempt, before jitter.</summary>
    public TimeSpan BaseDelay { get; }

    /// <summary>The longest delay between two attempts.</summary>
    public TimeSpan MaxDelay { get; }

    /// <summary>How many attempts in total before giving up.</summary>
    public int MaxAttempts { get; }

    /// <summary>Whether another attempt is allowed after <paramref name="failedAttempts"/> failures.</summary>
    public bool ShouldRetry(int failedAttempts) => failedAttempts < MaxAttempts;

    /// <summary>The delay after the <paramref name="failedAttempts"/>-th failure (1-based).</summary>
    public TimeSpan GetDelay(int failedAttempts)
    {
        var exponent = Math.Clamp(failedAttempts - 1, 0, 30);
        var cap = Math.Min(BaseDelay.TotalMilliseconds * Math.Pow(2, exponent), MaxDelay.TotalMilliseconds);
        // Half fixed, half random ("equal jitter"): spreads retries of many conversations without ever retrying at once.
        var jittered = (cap / 2) + (cap / 2 * _random());
        return TimeSpan.FromMilliseconds(jittered);
    }

    /// <summary>When the next attempt is due, seen from <paramref name="timeProvider"/>'s clock.</summary>
    public DateTimeOffset NextAttemptAt(int failedAttempts, TimeProvider timeProvider) => NextAttemptAt(failedAttempts, timeProvider, null);

    /// <summary>
    /// When the next attempt is due: the backoff delay, or the wait the receiver asked for (<paramref name="retryAfter"/>)
    /// when that is longer. The receiver's wait is capped at <see cref="MaxDelay"/>, so a platform answering with a huge
    /// <c>Retry-After</c> cannot park a conversation for longer than the operator allows between two attempts.
    /// </summary>
    public DateTimeOffset NextAttemptAt(int failedAttempts, TimeProvider timeProvider, TimeSpan? retryAfter)
    {
        ArgumentNullException.ThrowIfNull(timeProvider);
        var delay = GetDelay(failedAttempts);
        if (retryAfter is { } wait && wait > delay)
        {
            delay = wait < MaxDelay ? wait : MaxDelay;
        }

        return timeProvider.GetUtcNow() + delay;
    }
}
