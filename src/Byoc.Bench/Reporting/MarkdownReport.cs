using System.Globalization;
using System.Text;

namespace Byoc.Bench.Reporting;

/// <summary>The run's tables in Markdown (<c>results.md</c>), ready for <c>docs/performance.md</c>.</summary>
internal static class MarkdownReport
{
    public static string Render(BenchReport report)
    {
        var md = new StringBuilder();
        var m = report.Machine;
        Line(md, $"Run {report.StartedAt}, {report.WallSeconds:0} s wall, {(report.Smoke ? "smoke" : "full")} size: {m.LogicalCores} logical cores ({m.Cpu}), {m.MemoryGigabytes} GiB, {m.Os}, {m.Runtime}; load average at start {m.LoadAverageAtStart}.");
        Line(md, $"Command: `{report.Command}`");
        md.Append('\n');
        Line(md, $"| scenario | workload | sync | accepted/s | round trips/s | p50 ms | p95 ms | p99 ms | max ms | CPU s | CPU ms/msg | peak MiB | harness CPU s | accepted | lost | dup | out of order | redelivered | result |");
        Line(md, $"|---|---|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|---|");
        foreach (var s in report.Scenarios)
        {
            var c = s.Counts;
            var l = s.Latency;
            Line(md, $"| {s.Name} | {s.Workload} | {s.Synchronous} | {s.AcceptedPerSecond:0.#} | {s.RoundTripsPerSecond:0.#} | {l.P50:0.#} | {l.P95:0.#} | {l.P99:0.#} | {l.Max:0.#} | {Opt(s.CpuSeconds)} | {Opt(s.CpuMillisecondsPerMessage)} | {Opt(s.PeakMemoryMegabytes)} | {Opt(s.HarnessCpuSeconds)} | {c.Accepted} | {c.Lost} | {c.Duplicated} | {c.OutOfOrder} | {c.Redelivered} | {(s.Passed ? "pass" : "FAIL: " + string.Join(", ", s.Failures))} |");
        }

        md.Append('\n');
        var r = report.Ratios;
        if (r.ConnectorVsCeiling is not null || r.FullVsNormalThroughput is not null)
        {
            Line(md, $"Ratios: connector / ceiling throughput = {Opt(r.ConnectorVsCeiling)}; synchronous FULL / NORMAL throughput = {Opt(r.FullVsNormalThroughput)}, p50 latency = {Opt(r.FullVsNormalP50)}.");
        }

        foreach (var s in report.Scenarios.Where(s => s.Counts.Lost > 0))
        {
            Line(md, $"Lost in `{s.Name}`: {s.Counts.Lost} of {s.Counts.Accepted} accepted messages got no reply within 30 s of the last progress; the org published {s.OrgPublished} echo replies (warm-up included), the platform received {s.Counts.Replied}.");
        }

        foreach (var s in report.Scenarios.Where(s => s.Faults is not null))
        {
            Line(md, $"Faults in `{s.Name}`: {s.Faults}; {s.Retries} webhook retries by the platform.");
        }

        foreach (var s in report.Scenarios.Where(s => s.Recoveries is { Count: > 0 }))
        {
            var recoveries = s.Recoveries!;
            var replies = recoveries.Where(x => x.FirstReplySeconds is not null).Select(x => x.FirstReplySeconds!.Value).ToList();
            Line(md, $"Crash run `{s.Name}`: {recoveries.Count} SIGKILLs (every {s.KillEverySeconds:0.#} s); back on /healthz after {recoveries.Average(x => x.HealthySeconds):0.00} s on average (max {recoveries.Max(x => x.HealthySeconds):0.00} s); first reply delivered {(replies.Count == 0 ? "never within 30 s" : $"{replies.Average():0.00} s after the kill on average (max {replies.Max():0.00} s)")}; {s.Retries} webhook retries by the platform while it was down.");
        }

        foreach (var s in report.Scenarios.Where(s => s.Causes is { Count: > 0 }))
        {
            md.Append('\n');
            Line(md, $"Soak `{s.Name}` by cause ({s.Recoveries?.Count ?? 0} SIGKILLs, {s.OrgRestarts ?? 0} org restart(s); a message counts against an event when it was sent from half a window before it to a window after):");
            md.Append('\n');
            Line(md, $"| cause | accepted | replied | lost | dup | out of order |");
            Line(md, $"|---|--:|--:|--:|--:|--:|");
            foreach (var (cause, c) in s.Causes!)
            {
                Line(md, $"| {cause} | {c.Accepted} | {c.Replied} | {c.Lost} | {c.Duplicated} | {c.OutOfOrder} |");
            }
        }

        return md.ToString();
    }

    private static string Opt(double? value) => value is { } v ? v.ToString("0.###", CultureInfo.InvariantCulture) : "-";

    private static void Line(StringBuilder md, FormattableString line) => md.Append(FormattableString.Invariant(line)).Append('\n');
}
