namespace Byoc.TestUtilities.Prometheus;

/// <summary>A metric family: its <c># TYPE</c>, <c># HELP</c> and samples.</summary>
public sealed record PrometheusFamily(string Name, string Type, string? Help, IReadOnlyList<PrometheusSample> Samples);
