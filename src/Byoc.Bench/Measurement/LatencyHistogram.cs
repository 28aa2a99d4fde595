using HdrHistogram;

namespace Byoc.Bench.Measurement;

/// <summary>
/// The latencies of one scenario in microseconds, in an HdrHistogram with three significant digits (every value is kept
/// within 0.1 % of itself) from 1 µs to one hour; longer values count as one hour. Recording is thread-safe.
/// </summary>
internal sealed class LatencyHistogram
{
    private static readonly long s_highestMicroseconds = (long)TimeSpan.FromHours(1).TotalMicroseconds;

    private readonly LongConcurrentHistogram _histogram = new(1, s_highestMicroseconds, 3);

    /// <summary>How many values were recorded.</summary>
    public long Count => _histogram.TotalCount;

    /// <summary>The largest recorded value (within the histogram's precision).</summary>
    public TimeSpan Max => Count == 0 ? TimeSpan.Zero : TimeSpan.FromMicroseconds(_histogram.GetMaxValue());

    public void Record(TimeSpan latency) =>
        _histogram.RecordValue(Math.Clamp((long)latency.TotalMicroseconds, 0, s_highestMicroseconds));

    /// <summary>The value below or at which <paramref name="percentile"/> % of the values lie.</summary>
    public TimeSpan Percentile(double percentile)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(percentile);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(percentile, 100);
        return Count == 0 ? TimeSpan.Zero : TimeSpan.FromMicroseconds(_histogram.GetValueAtPercentile(percentile));
    }
}
