using Byoc.Bench.Crash;
using Byoc.Bench.Soak;
using Byoc.Bench.Workload;
using Byoc.Emulator.Faults;

namespace Byoc.Bench.Scenarios;

/// <summary>One measured run: what is driven (the connector, or the API directly for the ceiling), how, and under which faults.</summary>
internal sealed record ScenarioSpec
{
    public required string Name { get; init; }

    public required string Description { get; init; }

    public required WorkloadShape Shape { get; init; }

    /// <summary>True for the ceiling: the load driver calls the emulated Interaction Service API itself, no connector.</summary>
    public bool Ceiling { get; init; }

    /// <summary>The connector's <c>Connector:Storage:Synchronous</c>.</summary>
    public string Synchronous { get; init; } = "Normal";

    /// <summary>The channel the end users write on (not used by the ceiling).</summary>
    public BenchChannel Channel { get; init; } = BenchChannel.Webhook;

    public FaultSettings? Faults { get; init; }

    public CrashPlan? Crash { get; init; }

    /// <summary>The soak's fault phases and org restart (its kills are <see cref="Crash"/>); the org then keeps its records on disk.</summary>
    public SoakPlan? Soak { get; init; }

    /// <summary>Extra connector configuration (shorter retry delays and lease in the fault and crash runs).</summary>
    public IReadOnlyList<string> ConnectorArgs { get; init; } = [];
}
