using Byoc.Bench.Crash;
using Byoc.Bench.Measurement;

namespace Byoc.Bench.Reporting;

/// <summary>The figures of one scenario, as written to the results file.</summary>
internal sealed record ScenarioResult
{
    public required string Name { get; init; }

    public required string Description { get; init; }

    public required string Workload { get; init; }

    public required bool Ceiling { get; init; }

    public required int Users { get; init; }

    public required int MessagesPerUser { get; init; }

    /// <summary>Messages per second offered in open loop; null in closed loop.</summary>
    public double? OfferedRate { get; init; }

    public required string Synchronous { get; init; }

    /// <summary>The connector channel driven (<c>webhook</c> or <c>telegram</c>); null for the ceiling.</summary>
    public string? Channel { get; init; }

    public string? Faults { get; init; }

    public double? KillEverySeconds { get; init; }

    /// <summary>From the first send to the last reply (or the end of the drain).</summary>
    public required double DurationSeconds { get; init; }

    /// <summary>Inbound acceptance rate: accepted sends (webhook 2xx) per second of the sending phase.</summary>
    public required double AcceptedPerSecond { get; init; }

    /// <summary>End-to-end round trips (replies delivered) per second.</summary>
    public required double RoundTripsPerSecond { get; init; }

    public required LatencySummary Latency { get; init; }

    /// <summary>The connector process's CPU time over the measured window (all instances in a crash run); null for the ceiling.</summary>
    public double? CpuSeconds { get; init; }

    /// <summary>
    /// The harness process's CPU time over the same window (load driver, sink and the emulated org together): on a small
    /// machine it competes with the connector for the same cores.
    /// </summary>
    public double? HarnessCpuSeconds { get; init; }

    /// <summary>CPU milliseconds per round trip.</summary>
    public double? CpuMillisecondsPerMessage { get; init; }

    /// <summary>The largest peak resident memory (VmHWM) of any connector instance, in MiB.</summary>
    public double? PeakMemoryMegabytes { get; init; }

    public required LedgerCounts Counts { get; init; }

    /// <summary>Echo replies the emulated org published (warm-up included): the platform should receive every one.</summary>
    public required int OrgPublished { get; init; }

    public required int Rejected { get; init; }

    public required int Retries { get; init; }

    public required int BadSignatures { get; init; }

    public IReadOnlyList<Recovery>? Recoveries { get; init; }

    /// <summary>The soak's books split by what was happening when each message was sent (org restart, SIGKILL, faults, calm).</summary>
    public IReadOnlyDictionary<string, LedgerCounts>? Causes { get; init; }

    /// <summary>How often the soak restarted the emulated org.</summary>
    public int? OrgRestarts { get; init; }

    public required bool Passed { get; init; }

    public required IReadOnlyList<string> Failures { get; init; }
}
