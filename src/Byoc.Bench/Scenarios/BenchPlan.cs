using Byoc.Bench.Crash;
using Byoc.Bench.Faults;
using Byoc.Bench.Soak;
using Byoc.Bench.Workload;

namespace Byoc.Bench.Scenarios;

/// <summary>
/// The scenarios of a run, in order. The open-loop, fault and crash rates are fractions of the closed-loop connector
/// throughput measured earlier in the same run, so the plan adapts to the machine.
/// </summary>
internal static class BenchPlan
{
    /// <summary>
    /// Shorter retry delays for the fault run, so a 25 % error rate costs seconds, not minutes (defaults: 1 s base, 5 min
    /// max). Everything else, the Pub/Sub reconnect backoff and the delivery lease included, runs with its defaults.
    /// </summary>
    private static readonly string[] s_fastRetries =
    [
        "--Connector:Delivery:BaseDelay=00:00:00.200", "--Connector:Delivery:MaxDelay=00:00:05",
    ];

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

    /// <summary>
    /// One platform channel end to end: the end users write on the local Telegram fake, which calls the connector's Telegram
    /// webhook; the replies are counted where the fake's Bot API accepted them. Closed loop with the smoke run's few messages
    /// per user even in the full run: the connector keeps to about one message per second per chat, as Telegram asks, so the
    /// scenario measures the path, not a throughput.
    /// </summary>
    public static ScenarioSpec Telegram(BenchSize size) => new()
    {
        Name = "telegram",
        Description = "Connector with the Telegram channel through the local Telegram fake (closed loop)",
        Shape = new WorkloadShape(size.Users, BenchSize.Smoke.ClosedLoopMessagesPerUser),
        Channel = BenchChannel.Telegram,
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
    };

    /// <summary>
    /// The soak: <paramref name="messages"/> messages at a steady rate over <paramref name="plan"/>'s duration, while the
    /// connector is killed <see cref="SoakPlan.Kills"/> times, the fault mix comes and goes, and the org restarts once.
    /// </summary>
    public static ScenarioSpec Soak(BenchSize size, SoakPlan plan, int messages) => new()
    {
        Name = "soak",
        Description = $"Soak: {plan.Kills} SIGKILLs, two fault phases and an emulated-org restart over {plan.Duration.TotalMinutes:0.#} min",
        Shape = new WorkloadShape(size.Users, Math.Max(1, (int)Math.Ceiling((double)messages / size.Users)),
            Math.Max(1, Math.Round(messages / plan.Duration.TotalSeconds, 1))),
        Crash = new CrashPlan(plan.KillEvery),
        Soak = plan,
        ConnectorArgs = s_fastRetries,
    };

    private static WorkloadShape OpenShape(BenchSize size, double rate, TimeSpan duration) =>
        new(size.Users, Math.Max(1, (int)Math.Ceiling(rate * duration.TotalSeconds / size.Users)), rate);
}
