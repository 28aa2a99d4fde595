namespace Byoc.Bench.Workload;

/// <summary>What the load driver saw on the sending side.</summary>
/// <param name="StartTimestamp"><see cref="System.Diagnostics.Stopwatch"/> timestamp of the first send.</param>
/// <param name="LastAcceptTimestamp">Timestamp of the last accepted send.</param>
/// <param name="Accepted">Sends that were accepted.</param>
/// <param name="Rejected">Sends refused for good (another 4xx).</param>
/// <param name="Retries">Transient failures that were retried with the same id.</param>
internal sealed record DriveResult(long StartTimestamp, long LastAcceptTimestamp, int Accepted, int Rejected, int Retries);
