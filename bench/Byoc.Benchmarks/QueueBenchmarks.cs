using System.Globalization;
using BenchmarkDotNet.Attributes;
using Byoc.Core.Storage;
using Byoc.Storage;
using Byoc.Storage.Sqlite;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace Byoc.Benchmarks;

/// <summary>
/// The durable queues on SQLite (WAL) with both synchronous modes: one inbox insert (the work behind a webhook's 202), and
/// one outbox claim of a 16-item batch from a backlog of 10,000 (the delivery worker's poll). The clock jumps past the lease
/// after each claim, so every claim finds the same amount of work.
/// </summary>
[MemoryDiagnoser]
public class QueueBenchmarks
{
    private static readonly TimeSpan s_lease = TimeSpan.FromSeconds(30);

    private readonly FixedClock _clock = new(DateTimeOffset.FromUnixTimeSeconds(1767225600));
    private string _directory = string.Empty;
    private ServiceProvider _stores = null!;
    private IInboxStore _inbox = null!;
    private IOutboxStore _outbox = null!;
    private long _next;

    [Params("Normal", "Full")]
    public string Synchronous { get; set; } = "Normal";

    [GlobalSetup]
    public async Task SetupAsync()
    {
        _directory = Directory.CreateTempSubdirectory("byoc-benchmarks-").FullName;
        var location = StorageLocation.Sqlite(Path.Combine(_directory, "queues.db"), Enum.Parse<SqliteSynchronous>(Synchronous));
        _stores = new ServiceCollection()
            .AddSingleton<TimeProvider>(_clock)
            .AddDurableStores(_ => location)
            .BuildServiceProvider();
        _inbox = _stores.GetRequiredService<IInboxStore>();
        _outbox = _stores.GetRequiredService<IOutboxStore>();
        for (var i = 0; i < 10_000; i++)
        {
            await _outbox.TryAddAsync(Item("seed", i), CancellationToken.None);
        }
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _stores.Dispose();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    [Benchmark]
    public Task<bool> InboxInsert() => _inbox.TryAddAsync(Item("inbox", Interlocked.Increment(ref _next)), CancellationToken.None);

    [Benchmark]
    public async Task<int> OutboxClaim16()
    {
        var claimed = await _outbox.ClaimAsync("bench", 16, s_lease, CancellationToken.None);
        _clock.Advance(s_lease + TimeSpan.FromSeconds(1));
        return claimed.Count;
    }

    private static NewQueueItem Item(string source, long n)
    {
        var key = n.ToString(CultureInfo.InvariantCulture);
        return new NewQueueItem(source, key, "conversation-" + key, Samples.WebhookBody);
    }
}
