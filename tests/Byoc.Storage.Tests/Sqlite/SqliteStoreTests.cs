using Byoc.Storage.Sqlite;

namespace Byoc.Storage.Tests.Sqlite;

public sealed class SqliteStoreTests : StoreContractTests, IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("byoc-sqlite-").FullName;

    private protected override Task<StoreSet> CreateStoresAsync()
    {
        var database = new SqliteDatabase(Path.Combine(_directory, "connector.db"));
        return Task.FromResult(new StoreSet(
            new SqliteInboxStore(database, Time),
            new SqliteOutboxStore(database, Time),
            new SqliteConversationStore(database, Time),
            new SqliteDeadLetterStore(database, Time)));
    }

    [Fact]
    public async Task OpenAsync_NewFile_UsesWriteAheadLog()
    {
        var database = new SqliteDatabase(Path.Combine(_directory, "wal.db"));
        await using var connection = await database.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode";

        Assert.Equal("wal", await command.ExecuteScalarAsync(TestContext.Current.CancellationToken) as string);
    }

    [Fact]
    public async Task OpenAsync_DatabaseFromBeforeTraceParent_AddsTheColumnAndKeepsRows()
    {
        var path = Path.Combine(_directory, "old.db");
        await using (var old = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={path}"))
        {
            await old.OpenAsync(TestContext.Current.CancellationToken);
            await using var create = old.CreateCommand();
            create.CommandText = SqliteSchema.Create.Replace("trace_parent TEXT NULL,", string.Empty, StringComparison.Ordinal) + """
                INSERT INTO inbox (source, key, conversation_key, payload, next_attempt_at, created_at) VALUES ('s', 'm0', 'c0', '{}', 0, 0);
                """;
            await create.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        var database = new SqliteDatabase(path);
        var inbox = new SqliteInboxStore(database, Time);
        await inbox.TryAddAsync(new Core.Storage.NewQueueItem("s", "m1", "c1", "{}") { TraceParent = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01" },
            TestContext.Current.CancellationToken);

        var claimed = await inbox.ClaimAsync("w", 10, TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);
        Assert.Equal([("m0", null), ("m1", "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01")], claimed.Select(c => (c.Key, c.TraceParent)));
    }

    [Theory]
    [InlineData("inbox")]
    [InlineData("outbox")]
    public async Task OpenAsync_DatabaseFromBeforeClaimIndex_AddsItAndClaimWalksItWithoutSorting(string table)
    {
        var ct = TestContext.Current.CancellationToken;
        var path = Path.Combine(_directory, $"before-claim-index-{table}.db");
        await using (var old = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={path}"))
        {
            await old.OpenAsync(ct);
            await using var create = old.CreateCommand();
            create.CommandText = string.Join('\n', SqliteSchema.Create.Split('\n').Where(line => !line.Contains("_claim ", StringComparison.Ordinal)));
            await create.ExecuteNonQueryAsync(ct);
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        await using var connection = await new SqliteDatabase(path).OpenAsync(ct);
        await using var plan = connection.CreateCommand();
        plan.CommandText = "EXPLAIN QUERY PLAN " + SqliteWorkQueue.ClaimQuery(table);
        plan.Parameters.AddWithValue("$now", 0);
        plan.Parameters.AddWithValue("$max", 16);
        var steps = new List<string>();
        await using (var reader = await plan.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
            {
                steps.Add(reader.GetString(3));
            }
        }

        Assert.Contains(steps, step => step.Contains($"USING INDEX ix_{table}_claim", StringComparison.Ordinal));
        Assert.DoesNotContain(steps, step => step.Contains("TEMP B-TREE", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(false, 1L)]
    [InlineData(true, 2L)]
    public async Task OpenAsync_SynchronousMode_SetsThePragmaOnEveryConnection(bool full, long pragmaValue)
    {
        var mode = full ? SqliteSynchronous.Full : SqliteSynchronous.Normal;
        var database = new SqliteDatabase(Path.Combine(_directory, $"sync-{mode}.db"), mode);
        await using var connection = await database.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA synchronous";

        Assert.Equal(pragmaValue, await command.ExecuteScalarAsync(TestContext.Current.CancellationToken));
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // A pooled handle may linger on some platforms; the temp folder is cleaned by the OS.
        }
    }
}
