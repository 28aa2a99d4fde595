namespace Byoc.Bench.Scenarios;

/// <summary>What <c>byoc bench</c> was asked to do.</summary>
/// <param name="Smoke">The short run CI uses instead of the full one.</param>
/// <param name="OutputDirectory">Where the results go; null picks <c>artifacts/bench/{time}</c> (or <c>.byoc/bench/{time}</c> outside the repository).</param>
/// <param name="Only">Scenario names to run (all when empty); the open-loop, fault and crash runs need <c>closed-normal</c>.</param>
/// <param name="Soak">Run only the soak, this long; null runs the plan.</param>
/// <param name="SoakMessages">Messages the soak sends over its duration.</param>
/// <param name="SoakKills">SIGKILLs of the connector during the soak.</param>
public sealed record BenchOptions(bool Smoke, string? OutputDirectory, IReadOnlyList<string> Only, TimeSpan? Soak = null, int SoakMessages = 100_000,
    int SoakKills = 10);
