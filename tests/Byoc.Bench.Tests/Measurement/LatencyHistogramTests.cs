using Byoc.Bench.Measurement;

namespace Byoc.Bench.Tests.Measurement;

public sealed class LatencyHistogramTests
{
    [Fact]
    public void Percentile_ManyValues_WithinATenthOfAPercentOfTheExactValue()
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
            Assert.InRange(reported, exact - (exact / 1000), exact + Math.Max(1, exact / 1000));
        }

        var max = (long)histogram.Max.TotalMicroseconds;
        Assert.InRange(max, values[^1], values[^1] + (values[^1] / 1000));
        Assert.Equal(values.Length, histogram.Count);
    }

    [Fact]
    public void Record_ConcurrentWriters_CountsEveryValue()
    {
        var histogram = new LatencyHistogram();

        Parallel.For(0, 8, _ =>
        {
            for (var i = 1; i <= 10_000; i++)
            {
                histogram.Record(TimeSpan.FromMicroseconds(i));
            }
        });

        Assert.Equal(80_000, histogram.Count);
        Assert.InRange(histogram.Percentile(50).TotalMicroseconds, 4_995, 5_005);
    }

    [Fact]
    public void Record_BeyondAnHourOrNegative_ClampedInsteadOfThrowing()
    {
        var histogram = new LatencyHistogram();

        histogram.Record(TimeSpan.FromDays(2));
        histogram.Record(TimeSpan.FromMilliseconds(-5));

        Assert.Equal(2, histogram.Count);
        Assert.InRange(histogram.Max, TimeSpan.FromHours(1), TimeSpan.FromHours(1.002));
        Assert.Equal(TimeSpan.Zero, histogram.Percentile(50));
    }

    [Fact]
    public void Percentile_Empty_IsZero() => Assert.Equal(TimeSpan.Zero, new LatencyHistogram().Percentile(99));
}
