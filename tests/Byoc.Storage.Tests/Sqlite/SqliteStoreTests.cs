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
            new SqliteDeadLetterStore(database)));
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
