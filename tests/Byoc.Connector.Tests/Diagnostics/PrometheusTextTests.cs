using Byoc.TestUtilities.Prometheus;

namespace Byoc.Connector.Tests.Diagnostics;

/// <summary>The test parser must reject what Prometheus would, or the /metrics tests prove nothing.</summary>
public sealed class PrometheusTextTests
{
    [Fact]
    public void Parse_ValidExposition_ReadsTypesLabelsEscapesAndSpecialValues()
    {
        var families = PrometheusText.Parse("""
            # HELP requests_total Requests.
            # TYPE requests_total counter
            requests_total{path="/a\"b\\c",code="200"} 3 1700000000000
            # TYPE latency_seconds histogram
            latency_seconds_bucket{le="0.1"} 1
            latency_seconds_bucket{le="+Inf"} 2
            latency_seconds_sum 0.3
            latency_seconds_count 2
            # TYPE up gauge
            up NaN

            """.Replace("\r\n", "\n", StringComparison.Ordinal));

        var sample = Assert.Single(families["requests_total"].Samples);
        Assert.Equal(("counter", "Requests.", "/a\"b\\c", 3d), (families["requests_total"].Type, families["requests_total"].Help, sample.Labels["path"], sample.Value));
        Assert.Equal(4, families["latency_seconds"].Samples.Count);
        Assert.True(double.IsNaN(Assert.Single(families["up"].Samples).Value));
    }

    [Theory]
    [InlineData("requests_total 1\n")]
    [InlineData("# TYPE a counter\na{x=\"1\",x=\"2\"} 1\n")]
    [InlineData("# TYPE a counter\na{x=1} 1\n")]
    [InlineData("# TYPE a counter\na one\n")]
    [InlineData("# TYPE a counter\nb 1\n")]
    [InlineData("# TYPE a counter\n# TYPE a counter\n")]
    [InlineData("# TYPE a histogram\na_bucket{le=\"1\"} 2\na_bucket{le=\"+Inf\"} 1\n")]
    [InlineData("# TYPE a histogram\na_bucket{le=\"1\"} 2\n")]
    [InlineData("# TYPE a gauge\n\na 1\n")]
    [InlineData("# TYPE 1a gauge\n")]
    public void Parse_InvalidExposition_Throws(string text) =>
        Assert.Throws<FormatException>(() => PrometheusText.Parse(text));
}
