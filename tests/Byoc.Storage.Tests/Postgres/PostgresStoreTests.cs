using Byoc.Storage.Postgres;
using Byoc.TestUtilities.Postgres;

namespace Byoc.Storage.Tests.Postgres;

/// <summary>
/// The store contract on a real PostgreSQL, one fresh schema per test. Needs <c>BYOC_TEST_POSTGRES</c> (a connection
/// string; eng/test.sh starts a cluster and sets it): skipped locally without it, failing in CI (<c>CI=true</c>).
/// </summary>
[Trait("Category", "Slow")]
public sealed class PostgresStoreTests : StoreContractTests, IAsyncDisposable
{
    private TestPostgresSchema? _schema;
    private PostgresDatabase? _database;

    private protected override async Task<StoreSet> CreateStoresAsync()
    {
        _schema ??= await TestPostgresSchema.CreateAsync("byoc_test", TestContext.Current.CancellationToken);
        _database ??= new PostgresDatabase(_schema.ConnectionString);
        return new StoreSet(
            new PostgresInboxStore(_database, Time),
            new PostgresOutboxStore(_database, Time),
            new PostgresConversationStore(_database, Time),
            new PostgresDeadLetterStore(_database, Time));
    }

    public async ValueTask DisposeAsync()
    {
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }

        if (_schema is not null)
        {
            await _schema.DisposeAsync();
        }
    }
}
