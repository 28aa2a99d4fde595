using Byoc.Bench.Measurement;

namespace Byoc.Bench.Reporting;

/// <summary>Latency percentiles in milliseconds.</summary>
internal sealed record LatencySummary(double P50, double P95, double P99, double Max, long Count)
{
    public static LatencySummary From(LatencyHistogram histogram) => new(
        Ms(histogram.Percentile(50)), Ms(histogram.Percentile(95)), Ms(histogram.Percentile(99)), Ms(histogram.Max), histogram.Count);

    private static double Ms(TimeSpan value) => Math.Round(value.TotalMilliseconds, 2);
}
