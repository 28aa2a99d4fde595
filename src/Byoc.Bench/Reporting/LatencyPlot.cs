using System.Globalization;
using System.Security;
using System.Text;

namespace Byoc.Bench.Reporting;

/// <summary>
/// Draws latency percentiles (p50, p95, p99; logarithmic axis) against the offered rate of the open-loop runs as a
/// self-contained SVG, with the closed-loop maximum and the ceiling marked as vertical lines.
/// </summary>
internal static class LatencyPlot
{
    private const double Width = 760;
    private const double Height = 460;
    private const double Left = 70;
    private const double Right = 180;
    private const double Top = 50;
    private const double Bottom = 60;

    private static readonly (string Name, string Color, Func<LatencySummary, double> Value)[] s_series =
    [
        ("p50", "#1f77b4", l => l.P50),
        ("p95", "#ff7f0e", l => l.P95),
        ("p99", "#d62728", l => l.P99),
    ];

    public static string Render(IReadOnlyList<ScenarioResult> openLoop, double? closedLoopMax, double? ceiling, string subtitle)
    {
        var points = openLoop.Where(r => r.OfferedRate is not null && r.Latency.Count > 0).OrderBy(r => r.OfferedRate).ToList();
        var xMax = NiceCeiling(new[] { points.Select(p => p.OfferedRate!.Value).DefaultIfEmpty(1).Max(), closedLoopMax ?? 0 }.Max() * 1.05);
        var values = points.SelectMany(p => s_series.Select(s => s.Value(p.Latency))).Where(v => v > 0).DefaultIfEmpty(1).ToList();
        var yMin = Math.Pow(10, Math.Floor(Math.Log10(values.Min())));
        var yMax = Math.Pow(10, Math.Ceiling(Math.Log10(values.Max() * 1.01)));
        if (yMax <= yMin)
        {
            yMax = yMin * 10;
        }

        double X(double rate) => Left + (rate / xMax * (Width - Left - Right));
        double Y(double ms) => Height - Bottom - ((Math.Log10(Math.Max(ms, yMin)) - Math.Log10(yMin)) / (Math.Log10(yMax) - Math.Log10(yMin)) * (Height - Top - Bottom));

        var svg = new StringBuilder();
        Append(svg, $"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{Width}\" height=\"{Height}\" viewBox=\"0 0 {Width} {Height}\" font-family=\"sans-serif\" font-size=\"12\">");
        Append(svg, $"<rect width=\"{Width}\" height=\"{Height}\" fill=\"white\"/>");
        Append(svg, $"<text x=\"{Left}\" y=\"22\" font-size=\"15\" font-weight=\"bold\">Connector latency (webhook sent to reply at the platform) vs offered rate</text>");
        Append(svg, $"<text x=\"{Left}\" y=\"40\" fill=\"#555\">{Escape(subtitle)}</text>");

        for (var decade = yMin; decade <= yMax * 1.0001; decade *= 10)
        {
            foreach (var step in new[] { 1.0, 2.0, 5.0 })
            {
                var value = decade * step;
                if (value > yMax * 1.0001)
                {
                    break;
                }

                var y = Y(value);
                Append(svg, $"<line x1=\"{Left}\" y1=\"{y:0.#}\" x2=\"{Width - Right}\" y2=\"{y:0.#}\" stroke=\"#e5e5e5\"/>");
                Append(svg, $"<text x=\"{Left - 6}\" y=\"{y + 4:0.#}\" text-anchor=\"end\">{value.ToString("0.###", CultureInfo.InvariantCulture)}</text>");
            }
        }

        for (var i = 0; i <= 5; i++)
        {
            var rate = xMax * i / 5;
            var x = X(rate);
            Append(svg, $"<line x1=\"{x:0.#}\" y1=\"{Top}\" x2=\"{x:0.#}\" y2=\"{Height - Bottom}\" stroke=\"#f0f0f0\"/>");
            Append(svg, $"<text x=\"{x:0.#}\" y=\"{Height - Bottom + 18}\" text-anchor=\"middle\">{rate.ToString("0.#", CultureInfo.InvariantCulture)}</text>");
        }

        Append(svg, $"<rect x=\"{Left}\" y=\"{Top}\" width=\"{Width - Left - Right}\" height=\"{Height - Top - Bottom}\" fill=\"none\" stroke=\"#333\"/>");
        Append(svg, $"<text x=\"{(Left + Width - Right) / 2:0.#}\" y=\"{Height - 16}\" text-anchor=\"middle\">offered rate (messages per second, open loop)</text>");
        Append(svg, $"<text transform=\"translate(18 {(Top + Height - Bottom) / 2:0.#}) rotate(-90)\" text-anchor=\"middle\">latency (ms, log scale)</text>");

        Marker(svg, closedLoopMax, "closed-loop max", "#2ca02c", X);
        if (ceiling is { } ceilingRate && ceilingRate <= xMax)
        {
            Marker(svg, ceilingRate, "ceiling (API direct)", "#7f7f7f", X);
        }

        var legendY = Top + 10;
        foreach (var (name, color, value) in s_series)
        {
            var path = string.Join(' ', points.Select(p => string.Create(CultureInfo.InvariantCulture, $"{X(p.OfferedRate!.Value):0.#},{Y(value(p.Latency)):0.#}")));
            if (points.Count > 0)
            {
                Append(svg, $"<polyline points=\"{path}\" fill=\"none\" stroke=\"{color}\" stroke-width=\"2\"/>");
            }

            foreach (var p in points)
            {
                Append(svg, $"<circle cx=\"{X(p.OfferedRate!.Value):0.#}\" cy=\"{Y(value(p.Latency)):0.#}\" r=\"3.5\" fill=\"{color}\"/>");
            }

            Append(svg, $"<line x1=\"{Width - Right + 16}\" y1=\"{legendY}\" x2=\"{Width - Right + 40}\" y2=\"{legendY}\" stroke=\"{color}\" stroke-width=\"2\"/>");
            Append(svg, $"<text x=\"{Width - Right + 46}\" y=\"{legendY + 4}\">{name}</text>");
            legendY += 20;
        }

        if (ceiling is { } offScale && offScale > xMax)
        {
            Append(svg, $"<text x=\"{Width - Right + 16}\" y=\"{legendY + 14}\" fill=\"#7f7f7f\">ceiling (API direct):</text>");
            Append(svg, $"<text x=\"{Width - Right + 16}\" y=\"{legendY + 30}\" fill=\"#7f7f7f\">{offScale.ToString("0", CultureInfo.InvariantCulture)}/s, off the scale</text>");
        }

        svg.Append("</svg>\n");
        return svg.ToString();
    }

    private static void Marker(StringBuilder svg, double? rate, string label, string color, Func<double, double> x)
    {
        if (rate is not { } value || value <= 0)
        {
            return;
        }

        var position = x(value);
        Append(svg, $"<line x1=\"{position:0.#}\" y1=\"{Top}\" x2=\"{position:0.#}\" y2=\"{Height - Bottom}\" stroke=\"{color}\" stroke-dasharray=\"6 4\"/>");
        Append(svg, $"<text x=\"{position + 4:0.#}\" y=\"{Height - Bottom - 8}\" fill=\"{color}\">{Escape(label)} {value.ToString("0", CultureInfo.InvariantCulture)}/s</text>");
    }

    private static double NiceCeiling(double value)
    {
        if (value <= 0)
        {
            return 1;
        }

        var magnitude = Math.Pow(10, Math.Floor(Math.Log10(value)));
        return new[] { 1, 2, 2.5, 5, 10 }.Select(step => step * magnitude).First(candidate => candidate >= value);
    }

    private static void Append(StringBuilder svg, FormattableString line) => svg.Append(FormattableString.Invariant(line)).Append('\n');

    private static string Escape(string text) => SecurityElement.Escape(text);
}
