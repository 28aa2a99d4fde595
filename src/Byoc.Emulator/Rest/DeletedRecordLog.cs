using System.Collections.Concurrent;
using Byoc.Emulator.Org.Records;
using Byoc.Emulator.Org.Schema;

namespace Byoc.Emulator.Rest;

/// <summary>
/// The deletions the replication resource <c>/sobjects/{type}/deleted</c> reports, heard from <see cref="OrgStore.Changed"/>.
/// Kept in memory for <see cref="Retention"/> (a real org keeps 15 days, the recycle bin's span); an emulator restart
/// forgets them, as if they were older than the earliest date available.
/// </summary>
internal sealed class DeletedRecordLog : IDisposable
{
    /// <summary>How long a deletion stays reported.</summary>
    public static readonly TimeSpan Retention = TimeSpan.FromDays(15);

    private readonly OrgStore _store;
    private readonly TimeProvider _timeProvider;
    private readonly ConcurrentQueue<(string Type, string Id, DateTimeOffset DeletedAt)> _deleted = new();

    public DeletedRecordLog(OrgStore store, TimeProvider timeProvider)
    {
        _store = store;
        _timeProvider = timeProvider;
        StartedAt = timeProvider.GetUtcNow();
        store.Changed += OnChanged;
    }

    /// <summary>When the log started listening: nothing deleted before is known.</summary>
    public DateTimeOffset StartedAt { get; }

    public IReadOnlyList<(string Id, DateTimeOffset DeletedAt)> Deleted(string type, DateTimeOffset start, DateTimeOffset end)
    {
        var horizon = _timeProvider.GetUtcNow() - Retention;
        while (_deleted.TryPeek(out var oldest) && oldest.DeletedAt < horizon)
        {
            _deleted.TryDequeue(out _);
        }

        return [.. _deleted.Where(d => string.Equals(d.Type, type, StringComparison.OrdinalIgnoreCase) && d.DeletedAt >= start && d.DeletedAt <= end)
            .Select(d => (d.Id, d.DeletedAt))];
    }

    public void Dispose() => _store.Changed -= OnChanged;

    private void OnChanged(IReadOnlyList<RecordChange> changes)
    {
        var now = _timeProvider.GetUtcNow();
        // Emulator-internal types (e.g. the pending inbound entries, one delete per message) are never reported.
        foreach (var change in changes.Where(c => c.IsDelete && c.Before!.Type.Surface != ApiSurface.None))
        {
            _deleted.Enqueue((change.ObjectName, change.Before!.Id, now));
        }
    }
}
