namespace Byoc.Bench.Reporting;

/// <summary>Figures relative to the baselines of the same run, which survive a noisy machine better than absolute ones.</summary>
/// <param name="ConnectorVsCeiling">Closed-loop connector round trips per second (synchronous NORMAL) over the ceiling's.</param>
/// <param name="FullVsNormalThroughput">Closed-loop round trips per second with synchronous FULL over NORMAL.</param>
/// <param name="FullVsNormalP50">Median latency with FULL over NORMAL.</param>
internal sealed record BenchRatios(double? ConnectorVsCeiling, double? FullVsNormalThroughput, double? FullVsNormalP50);
