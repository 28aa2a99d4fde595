using System.Collections.Concurrent;
using Byoc.Emulator.Org.Ids;

namespace Byoc.Emulator.Metadata;

/// <summary>The deploys of this run of the emulated org, by their <c>0Af</c> id (kept in memory only).</summary>
internal sealed class DeployJobs
{
    /// <summary>Key prefix of deploy request ids (UNCONFIRMED, org-emulation.md §5 "Key prefixes").</summary>
    public const string KeyPrefix = "0Af";

    private readonly ConcurrentDictionary<string, DeployJob> _jobs = new(StringComparer.Ordinal);
    private long _sequence;

    public string NextId() => SalesforceId.Create(KeyPrefix, Interlocked.Increment(ref _sequence));

    public void Add(DeployJob job) => _jobs[job.Id] = job;

    public DeployJob? Find(string id) =>
        SalesforceId.TryNormalize(id, out var id18) ? _jobs.GetValueOrDefault(id18) : null;
}
