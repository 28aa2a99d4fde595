using Byoc.Bench.Measurement;

namespace Byoc.Bench.Tests.Measurement;

public sealed class LatencyHistogramTests
{
    [Fact]
    public void Percentile_ManyValues_WithinOneSixtyFourthOfTheExactValue()
    {
        var random = new Random(42);
        var values = Enumerable.Range(0, 20_000).Select(_ => (long)Math.Exp(random.NextDouble() * 16)).ToArray();
        var histogram = new LatencyHistogram();
        foreach (var value in values)
        {
            histogram.Record(TimeSpan.FromMicroseconds(value));
        }

        Array.Sort(values);
        foreach (var percentile in new[] { 50.0, 95, 99, 99.9 })
        {
            var exact = values[(int)Math.Ceiling(percentile / 100 * values.Length) - 1];
            var reported = (long)histogram.Percentile(percentile).TotalMicroseconds;
            Assert.InRange(reported, exact, exact + Math.Max(1, exact / 64));
        }

        Assert.Equal(values[^1], (long)histogram.Max.TotalMicroseconds);
        Assert.Equal(values.Length, histogram.Count);
    }

    [Fact]
    public void IndexOf_EveryValue_FallsInABucketWhoseUpperEdgeCoversIt()
    {
        var previous = -1;
        for (long value = 0; value < 1 << 20; value += 1 + (value / 50))
        {
            var index = LatencyHistogram.IndexOf(value);
            Assert.True(index >= previous, $"index of {value} went backwards");
            Assert.InRange(LatencyHistogram.HighestEquivalent(index), value, value + Math.Max(0, value / 64));
            previous = index;
        }
    }

    [Fact]
    public void Percentile_Empty_IsZero() => Assert.Equal(TimeSpan.Zero, new LatencyHistogram().Percentile(99));
}
