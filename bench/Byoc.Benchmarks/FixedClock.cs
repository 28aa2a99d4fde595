namespace Byoc.Benchmarks;

/// <summary>A clock that stands still unless moved, so benchmarks see the same time on every call.</summary>
internal sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    private DateTimeOffset _now = now;

    public override DateTimeOffset GetUtcNow() => _now;

    public void Advance(TimeSpan by) => _now += by;
}
