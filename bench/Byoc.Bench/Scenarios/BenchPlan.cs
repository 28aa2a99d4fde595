using Byoc.Bench.Crash;
using Byoc.Bench.Faults;
using Byoc.Bench.Workload;

namespace Byoc.Bench.Scenarios;

/// <summary>
/// The scenarios of a run, in order. The open-loop, fault and crash rates are fractions of the closed-loop connector
/// throughput measured earlier in the same run, so the plan adapts to the machine.
/// </summary>
internal static class BenchPlan
{
    /// <summary>
    /// Shorter retry delays for the fault run, so a 25 % error rate costs seconds, not minutes (defaults: 1 s base, 5 min max),
    /// and a 5 s cap on the Pub/Sub reconnect delay (default 60 s): the subscriber counts a stream that delivered events and
    /// then dropped as a failed attempt, so with a drop every 500 events its delay climbs to the cap (docs/performance.md).
    /// </summary>
    private static readonly string[] s_fastRetries =
    [
        "--Connector:Delivery:BaseDelay=00:00:00.200", "--Connector:Delivery:MaxDelay=00:00:05",
        "--Connector:Salesforce:PubSub:ReconnectMaxDelay=00:00:05",
    ];

    /// <summary>A short lease, so work leased by a killed instance is taken over in seconds (default 2 minutes).</summary>
    private static readonly string[] s_shortLease = ["--Connector:Delivery:Lease=00:00:05"];

    public static ScenarioSpec Ceiling(BenchSize size) => new()
    {
        Name = "ceiling",
        Description = "Baseline: the load driver calls the emulated Interaction Service API directly (no connector)",
        Shape = new WorkloadShape(size.Users, size.ClosedLoopMessagesPerUser),
        Ceiling = true,
    };

    public static ScenarioSpec ClosedLoop(BenchSize size, string synchronous) => new()
    {
        Name = "closed-" + synchronous.ToLowerInvariant(),
        Description = $"Connector at maximum (closed loop), SQLite synchronous={synchronous.ToUpperInvariant()}",
        Shape = new WorkloadShape(size.Users, size.ClosedLoopMessagesPerUser),
        Synchronous = synchronous,
    };

    public static IEnumerable<ScenarioSpec> OpenLoopSweep(BenchSize size, double closedLoopRate) => size.OpenLoopFractions.Select(fraction =>
    {
        var rate = Math.Max(1, Math.Round(closedLoopRate * fraction));
        return new ScenarioSpec
        {
            Name = $"open-{rate:0}",
            Description = $"Connector at a fixed offered rate ({fraction:P0} of the closed-loop maximum)",
            Shape = OpenShape(size, rate, size.OpenLoopStep),
        };
    });

    public static ScenarioSpec Faults(BenchSize size, double closedLoopRate) => new()
    {
        Name = "faults",
        Description = "Connector under emulator fault injection",
        Shape = OpenShape(size, Math.Max(1, Math.Round(closedLoopRate * size.FaultRateFraction)), size.FaultRun),
        Faults = FaultProfiles.Standard,
        ConnectorArgs = s_fastRetries,
    };

    public static ScenarioSpec Crash(BenchSize size, double closedLoopRate) => new()
    {
        Name = "crash",
        Description = "Connector killed with SIGKILL and restarted on a schedule",
        Shape = OpenShape(size, Math.Max(1, Math.Round(closedLoopRate * size.FaultRateFraction)), size.FaultRun),
        Crash = new CrashPlan(size.KillEvery),
        ConnectorArgs = s_shortLease,
    };

    private static WorkloadShape OpenShape(BenchSize size, double rate, TimeSpan duration) =>
        new(size.Users, Math.Max(1, (int)Math.Ceiling(rate * duration.TotalSeconds / size.Users)), rate);
}
