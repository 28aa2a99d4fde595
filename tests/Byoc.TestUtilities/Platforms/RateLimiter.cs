namespace Byoc.TestUtilities.Platforms;

/// <summary>Keyed token buckets on a <see cref="TimeProvider"/>, so a test drives refills with a fake clock.</summary>
internal sealed class RateLimiter(RateLimit limit, TimeProvider timeProvider)
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, (double Tokens, DateTimeOffset At)> _buckets = new(StringComparer.Ordinal);

    /// <summary>Takes a permit for <paramref name="key"/>, or says how long until one is free.</summary>
    public bool TryAcquire(string key, out TimeSpan retryAfter)
    {
        var now = timeProvider.GetUtcNow();
        lock (_lock)
        {
            var (tokens, at) = _buckets.TryGetValue(key, out var bucket) ? bucket : (limit.Burst, now);
            tokens = Math.Min(limit.Burst, tokens + ((now - at).TotalSeconds * limit.PerSecond));
            if (tokens >= 1)
            {
                _buckets[key] = (tokens - 1, now);
                retryAfter = TimeSpan.Zero;
                return true;
            }

            _buckets[key] = (tokens, now);
            retryAfter = TimeSpan.FromSeconds((1 - tokens) / limit.PerSecond);
            return false;
        }
    }
}
