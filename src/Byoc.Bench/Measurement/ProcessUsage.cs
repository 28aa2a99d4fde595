namespace Byoc.Bench.Measurement;

/// <summary>What the OS reports about one process: CPU time spent (user + system) and its peak resident memory.</summary>
/// <param name="CpuTime">User plus system CPU time since the process started.</param>
/// <param name="PeakResidentBytes">The peak resident set size (Linux <c>VmHWM</c>).</param>
internal sealed record ProcessUsage(TimeSpan CpuTime, long PeakResidentBytes);
