using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Byoc.Emulator.Org.Ids;
using Microsoft.Extensions.Options;

namespace Byoc.Emulator.Rest;

/// <summary>Open query cursors by locator id (<c>01g…</c>), the oldest dropped beyond <see cref="OrgRestOptions.MaxOpenCursors"/>.</summary>
internal sealed class QueryCursorStore(IOptions<OrgRestOptions> options)
{
    /// <summary>Key prefix of query locators in <c>nextRecordsUrl</c> (org-emulation.md §4.3).</summary>
    private const string LocatorPrefix = "01g";

    private readonly ConcurrentDictionary<string, QueryCursor> _cursors = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> _order = new();
    private long _sequence;

    public QueryCursor Open(IReadOnlyList<JsonNode> rows, int totalSize, RestContext rest, int batchSize)
    {
        var id = SalesforceId.Create(LocatorPrefix, Interlocked.Increment(ref _sequence));
        var cursor = new QueryCursor(id, rows, totalSize, rest, batchSize);
        _cursors[id] = cursor;
        _order.Enqueue(id);
        while (_order.Count > options.Value.MaxOpenCursors && _order.TryDequeue(out var oldest))
        {
            _cursors.TryRemove(oldest, out _);
        }

        return cursor;
    }

    public QueryCursor? Find(string id) => _cursors.GetValueOrDefault(id);
}
