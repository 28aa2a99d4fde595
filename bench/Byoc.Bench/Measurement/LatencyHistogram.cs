using System.Numerics;

namespace Byoc.Bench.Measurement;

/// <summary>
/// An HDR-style histogram of latencies in microseconds: exact below 128 µs, then 64 linear sub-buckets per power of two, so
/// every recorded value is kept within 1/64 (about 1.6 %) of itself. Recording is lock-free.
/// </summary>
internal sealed class LatencyHistogram
{
    private const int SubBucketBits = 7;
    private const int SubBucketCount = 1 << SubBucketBits;
    private const int HalfSubBucketCount = SubBucketCount / 2;

    private readonly long[] _counts = new long[SubBucketCount + ((64 - SubBucketBits) * HalfSubBucketCount)];
    private long _count;
    private long _max;

    /// <summary>How many values were recorded.</summary>
    public long Count => Interlocked.Read(ref _count);

    /// <summary>The largest recorded value, exact.</summary>
    public TimeSpan Max => TimeSpan.FromMicroseconds(Interlocked.Read(ref _max));

    public void Record(TimeSpan latency)
    {
        var micros = Math.Max(0, (long)latency.TotalMicroseconds);
        Interlocked.Increment(ref _counts[IndexOf(micros)]);
        Interlocked.Increment(ref _count);
        var max = Interlocked.Read(ref _max);
        while (micros > max)
        {
            var seen = Interlocked.CompareExchange(ref _max, micros, max);
            if (seen == max)
            {
                break;
            }

            max = seen;
        }
    }

    /// <summary>The value below or at which <paramref name="percentile"/> % of the values lie (the bucket's upper edge, capped at the max).</summary>
    public TimeSpan Percentile(double percentile)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(percentile);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(percentile, 100);
        var count = Count;
        if (count == 0)
        {
            return TimeSpan.Zero;
        }

        var target = Math.Max(1, (long)Math.Ceiling(percentile / 100 * count));
        long seen = 0;
        for (var index = 0; index < _counts.Length; index++)
        {
            seen += Interlocked.Read(ref _counts[index]);
            if (seen >= target)
            {
                return TimeSpan.FromMicroseconds(Math.Min(HighestEquivalent(index), Interlocked.Read(ref _max)));
            }
        }

        return Max;
    }

    internal static int IndexOf(long micros)
    {
        if (micros < SubBucketCount)
        {
            return (int)micros;
        }

        var magnitude = 63 - BitOperations.LeadingZeroCount((ulong)micros);
        var shift = magnitude - (SubBucketBits - 1);
        var subBucket = (int)(micros >> shift);
        return SubBucketCount + ((magnitude - SubBucketBits) * HalfSubBucketCount) + (subBucket - HalfSubBucketCount);
    }

    internal static long HighestEquivalent(int index)
    {
        if (index < SubBucketCount)
        {
            return index;
        }

        var offset = index - SubBucketCount;
        var magnitude = (offset / HalfSubBucketCount) + SubBucketBits;
        long subBucket = (offset % HalfSubBucketCount) + HalfSubBucketCount;
        var shift = magnitude - (SubBucketBits - 1);
        return ((subBucket + 1) << shift) - 1;
    }
}
