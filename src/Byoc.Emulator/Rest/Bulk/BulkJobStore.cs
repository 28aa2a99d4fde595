using System.Collections.Concurrent;
using Byoc.Emulator.Org.Ids;

namespace Byoc.Emulator.Rest.Bulk;

/// <summary>The org's Bulk API 2.0 jobs, in memory (a restart forgets them, as their 7-day lifetime would eventually).</summary>
internal sealed class BulkJobStore
{
    /// <summary>The key prefix of AsyncApexJob-style job ids (<c>750…</c>).</summary>
    private const string JobPrefix = "750";

    private readonly ConcurrentDictionary<string, BulkJob> _jobs = new(StringComparer.Ordinal);
    private long _sequence;

    public string NextId() => SalesforceId.Create(JobPrefix, Interlocked.Increment(ref _sequence));

    public void Add(BulkJob job) => _jobs[job.Id] = job;

    public BulkJob? Find(string id, string jobType) =>
        SalesforceId.TryNormalize(id, out var id18) && _jobs.TryGetValue(id18, out var job) && job.JobType == jobType ? job : null;

    public IEnumerable<BulkJob> All(string jobType) => _jobs.Values.Where(j => j.JobType == jobType).OrderBy(j => j.CreatedDate);

    public bool Remove(string id, string jobType) => Find(id, jobType) is { } job && _jobs.TryRemove(job.Id, out _);
}
