using System.Xml.Linq;
using Byoc.Bench.Measurement;
using Byoc.Bench.Reporting;

namespace Byoc.Bench.Tests.Reporting;

public sealed class LatencyPlotTests
{
    [Fact]
    public void Render_OpenLoopPoints_DrawsOnePolylinePerPercentileWithAPointPerRate()
    {
        var svg = LatencyPlot.Render([Point(50, 10, 20, 40), Point(100, 12, 30, 80), Point(150, 20, 90, 400)], 170, 900, "2 cores & <test>");

        var document = XDocument.Parse(svg);
        XNamespace ns = "http://www.w3.org/2000/svg";
        Assert.Equal(3, document.Descendants(ns + "polyline").Count());
        Assert.Equal(9, document.Descendants(ns + "circle").Count());
        Assert.Contains("closed-loop max 170/s", svg, StringComparison.Ordinal);
        Assert.Contains("900/s, off the scale", svg, StringComparison.Ordinal);
        Assert.Contains("2 cores &amp; &lt;test&gt;", svg, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_NoPoints_StillValidSvg() =>
        Assert.Equal("svg", XDocument.Parse(LatencyPlot.Render([], null, null, "empty")).Root!.Name.LocalName);

    private static ScenarioResult Point(double rate, double p50, double p95, double p99) => new()
    {
        Name = $"open-{rate}",
        Description = "test",
        Workload = "open",
        Ceiling = false,
        Users = 1,
        MessagesPerUser = 1,
        OfferedRate = rate,
        Synchronous = "Normal",
        DurationSeconds = 1,
        AcceptedPerSecond = rate,
        RoundTripsPerSecond = rate,
        Latency = new LatencySummary(p50, p95, p99, p99 * 2, 100),
        Counts = new LedgerCounts(1, 1, 0, 0, 0, 0, 0),
        OrgPublished = 1,
        Rejected = 0,
        Retries = 0,
        BadSignatures = 0,
        Passed = true,
        Failures = [],
    };
}
