using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Byoc.Emulator.Org.Records;

namespace Byoc.Emulator.Rest;

/// <summary>
/// The org's allocations as <c>GET /limits</c> reports them (REST API Developer Guide, "Limits"): Developer Edition values
/// (UNCONFIRMED where the edition's allocation page does not state one), each with <c>Max</c> and <c>Remaining</c>. What the
/// emulated org does is counted in rolling windows: REST calls (DailyApiRequests, also sent as <c>Sforce-Limit-Info</c>),
/// Bulk API 2.0 batches and query jobs, and data storage at 2 KB per record, as Salesforce counts it.
/// </summary>
internal sealed class OrgLimits(OrgStore store, TimeProvider timeProvider)
{
    public const string DailyApiRequests = "DailyApiRequests";
    public const string DailyBulkApiBatches = "DailyBulkApiBatches";
    public const string DailyBulkV2QueryJobs = "DailyBulkV2QueryJobs";

    private static readonly (string Name, long Max, TimeSpan? Window)[] s_allocations =
    [
        ("ActiveScratchOrgs", 3, null),
        ("ConcurrentAsyncGetReportInstances", 200, null),
        ("ConcurrentSyncReportRuns", 20, null),
        ("DailyAsyncApexExecutions", 250000, null),
        (DailyApiRequests, 15000, TimeSpan.FromDays(1)),
        (DailyBulkApiBatches, 15000, TimeSpan.FromDays(1)),
        ("DailyBulkV2QueryFileStorageMB", 976562, null),
        (DailyBulkV2QueryJobs, 10000, TimeSpan.FromDays(1)),
        ("DailyDeliveredPlatformEvents", 10000, null),
        ("DailyDurableStreamingApiEvents", 10000, null),
        ("DailyGenericStreamingApiEvents", 10000, null),
        ("DailyScratchOrgs", 6, null),
        ("DailyStandardVolumePlatformEvents", 10000, null),
        ("DailyStreamingApiEvents", 10000, null),
        ("DailyWorkflowEmails", 405, null),
        ("DataStorageMB", 5, null),
        ("DurableStreamingApiConcurrentClients", 20, null),
        ("FileStorageMB", 20, null),
        ("HourlyAsyncReportRuns", 1200, null),
        ("HourlyPublishedPlatformEvents", 50000, null),
        ("HourlyPublishedStandardVolumePlatformEvents", 1000, null),
        ("HourlySyncReportRuns", 500, null),
        ("MassEmail", 10, null),
        ("MonthlyPlatformEventsUsageEntitlement", 300000, null),
        ("PermissionSets", 1500, null),
        ("SingleEmail", 15, null),
        ("StreamingApiConcurrentClients", 20, null),
    ];

    private readonly ConcurrentDictionary<string, ConcurrentQueue<DateTimeOffset>> _usage = new(StringComparer.Ordinal);

    /// <summary>The Max of an allocation.</summary>
    public static long Max(string name) => s_allocations.First(a => a.Name == name).Max;

    public void Count(string name, int times = 1)
    {
        var queue = _usage.GetOrAdd(name, _ => new ConcurrentQueue<DateTimeOffset>());
        var now = timeProvider.GetUtcNow();
        for (var i = 0; i < times; i++)
        {
            queue.Enqueue(now);
        }
    }

    /// <summary>How much of a counted allocation is used in its window.</summary>
    public long Used(string name)
    {
        var window = s_allocations.First(a => a.Name == name).Window;
        if (window is null || !_usage.TryGetValue(name, out var queue))
        {
            return 0;
        }

        var since = timeProvider.GetUtcNow() - window.Value;
        while (queue.TryPeek(out var oldest) && oldest <= since)
        {
            queue.TryDequeue(out _);
        }

        return queue.Count;
    }

    public JsonObject Write()
    {
        var body = new JsonObject();
        foreach (var (name, max, _) in s_allocations)
        {
            var used = name == "DataStorageMB" ? DataStorageUsedMb() : Used(name);
            body[name] = new JsonObject { ["Max"] = max, ["Remaining"] = Math.Max(0, max - used) };
        }

        return body;
    }

    private long DataStorageUsedMb()
    {
        var records = store.Schema.Objects.Sum(o => (long)store.Records(o.Name).Count);
        return records * 2 / 1024;
    }
}
