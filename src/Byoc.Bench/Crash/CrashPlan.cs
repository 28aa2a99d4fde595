namespace Byoc.Bench.Crash;

/// <summary>Kill the connector with SIGKILL every <paramref name="KillEvery"/> while the load runs, and restart it at once.</summary>
internal sealed record CrashPlan(TimeSpan KillEvery);
