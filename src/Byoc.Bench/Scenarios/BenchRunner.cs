using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Byoc.Bench.Reporting;
using Byoc.Bench.Soak;

namespace Byoc.Bench.Scenarios;

/// <summary>
/// Runs the plan (ceiling, closed loop with synchronous NORMAL and FULL, the Telegram channel, the open-loop sweep, faults,
/// crashes), prints each
/// scenario's line as it ends, and writes <c>results.json</c>, <c>results.md</c> and <c>latency.svg</c>.
/// </summary>
public static class BenchRunner
{
    /// <summary>Runs the benchmark; returns 0 when every scenario lost, duplicated and reordered nothing, else 1.</summary>
    /// <param name="options">The run's size, output folder and scenario filter.</param>
    /// <param name="byocExecutable">The <c>byoc</c> executable (or <c>byoc.dll</c>) whose <c>connector</c> command is measured.</param>
    /// <param name="command">The command line, recorded in the results.</param>
    /// <param name="output">Where progress goes.</param>
    /// <param name="cancellationToken">Stops the run.</param>
    public static async Task<int> RunAsync(BenchOptions options, string byocExecutable, string command, TextWriter output,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(output);
        var started = Stopwatch.GetTimestamp();
        var startedAt = TimeProvider.System.GetUtcNow();
        var directory = Path.GetFullPath(options.OutputDirectory ?? DefaultOutput(startedAt));
        Directory.CreateDirectory(directory);
        var context = new BenchContext(byocExecutable, directory, output);
        var size = options.Smoke ? BenchSize.Smoke : BenchSize.Full;
        var machine = MachineInfo.Read();
        await output.WriteLineAsync($"byoc bench: {(options.Smoke ? "smoke" : "full")} run on {machine.LogicalCores} cores; results in {directory}");

        var results = new List<ScenarioResult>();
        async Task<ScenarioResult?> Run(ScenarioSpec spec)
        {
            if (!Wanted(options, spec.Name))
            {
                return null;
            }

            await output.WriteLineAsync($"  {spec.Name}: {spec.Description}; {spec.Shape} ...");
            var result = await ScenarioRunner.RunAsync(spec, context, cancellationToken);
            results.Add(result);
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"  {spec.Name}: {result.RoundTripsPerSecond:0.#} round trips/s, p50 {result.Latency.P50:0.#} ms, p99 {result.Latency.P99:0.#} ms, " +
                $"CPU {result.CpuSeconds?.ToString("0.##", CultureInfo.InvariantCulture) ?? "-"} s, lost {result.Counts.Lost}, dup {result.Counts.Duplicated}, " +
                $"out of order {result.Counts.OutOfOrder}: {(result.Passed ? "pass" : "FAIL " + string.Join(", ", result.Failures))}"));
            return result;
        }

        var soak = options.Soak is { } soakFor ? await Run(BenchPlan.Soak(size, new SoakPlan(soakFor, options.SoakKills), options.SoakMessages)) : null;
        var ceiling = soak is null ? await Run(BenchPlan.Ceiling(size)) : null;
        var normal = soak is null ? await Run(BenchPlan.ClosedLoop(size, "Normal")) : null;
        var full = soak is null ? await Run(BenchPlan.ClosedLoop(size, "Full")) : null;
        if (soak is null)
        {
            await Run(BenchPlan.Telegram(size));
        }

        if (normal is not null)
        {
            foreach (var spec in BenchPlan.OpenLoopSweep(size, normal.RoundTripsPerSecond))
            {
                await Run(spec);
            }

            await Run(BenchPlan.Faults(size, normal.RoundTripsPerSecond));
            await Run(BenchPlan.Crash(size, normal.RoundTripsPerSecond));
        }

        var report = new BenchReport
        {
            StartedAt = startedAt.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture),
            WallSeconds = Math.Round(Stopwatch.GetElapsedTime(started).TotalSeconds, 1),
            Smoke = options.Smoke,
            Command = command,
            Machine = machine,
            Scenarios = results,
            Ratios = new BenchRatios(
                Ratio(normal?.RoundTripsPerSecond, ceiling?.RoundTripsPerSecond),
                Ratio(full?.RoundTripsPerSecond, normal?.RoundTripsPerSecond),
                Ratio(full?.Latency.P50, normal?.Latency.P50)),
            Passed = results.All(r => r.Passed),
        };
        await File.WriteAllTextAsync(Path.Combine(directory, "results.json"), JsonSerializer.Serialize(report, ReportJson.Default.BenchReport), cancellationToken);
        await File.WriteAllTextAsync(Path.Combine(directory, "results.md"), MarkdownReport.Render(report), cancellationToken);
        var subtitle = $"{machine.LogicalCores} cores, {report.StartedAt}; open loop, {size.Users} users, SQLite synchronous NORMAL";
        await File.WriteAllTextAsync(Path.Combine(directory, "latency.svg"),
            LatencyPlot.Render([.. results.Where(r => r.Name.StartsWith("open-", StringComparison.Ordinal))], normal?.RoundTripsPerSecond,
                ceiling?.RoundTripsPerSecond, subtitle), cancellationToken);
        await output.WriteLineAsync($"byoc bench: {(report.Passed ? "passed" : "FAILED")} in {report.WallSeconds:0} s; {Path.Combine(directory, "results.json")}");
        return report.Passed ? 0 : 1;
    }

    private static bool Wanted(BenchOptions options, string name) =>
        options.Only.Count == 0
        || name == "soak"
        || options.Only.Any(only => name.StartsWith(only, StringComparison.OrdinalIgnoreCase))
        || (name == "closed-normal" && options.Only.Any(only => only is "open" or "faults" or "crash"));

    private static double? Ratio(double? value, double? baseline) =>
        value is { } v && baseline is { } b && b > 0 ? Math.Round(v / b, 3) : null;

    private static string DefaultOutput(DateTimeOffset startedAt)
    {
        var stamp = startedAt.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture);
        for (var folder = new DirectoryInfo(Environment.CurrentDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Byoc.slnx")))
            {
                return Path.Combine(folder.FullName, "artifacts", "bench", stamp);
            }
        }

        return Path.Combine(".byoc", "bench", stamp);
    }
}
