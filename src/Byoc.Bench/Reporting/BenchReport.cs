namespace Byoc.Bench.Reporting;

/// <summary>The results file of one run (<c>results.json</c>).</summary>
internal sealed record BenchReport
{
    public required string StartedAt { get; init; }

    public required double WallSeconds { get; init; }

    public required bool Smoke { get; init; }

    public required string Command { get; init; }

    public required MachineInfo Machine { get; init; }

    public required IReadOnlyList<ScenarioResult> Scenarios { get; init; }

    public required BenchRatios Ratios { get; init; }

    /// <summary>True when every scenario lost, duplicated and reordered nothing.</summary>
    public required bool Passed { get; init; }
}
