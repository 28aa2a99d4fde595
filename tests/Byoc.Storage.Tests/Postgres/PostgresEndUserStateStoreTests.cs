using Byoc.Core.Storage;
using Byoc.Storage.Postgres;
using Byoc.TestUtilities.Postgres;

namespace Byoc.Storage.Tests.Postgres;

/// <summary>
/// The end-user state contract on a real PostgreSQL, one fresh schema per test. Needs <c>BYOC_TEST_POSTGRES</c>: skipped
/// locally without it, failing in CI (<c>CI=true</c>).
/// </summary>
[Trait("Category", "Slow")]
public sealed class PostgresEndUserStateStoreTests : EndUserStateStoreContractTests, IAsyncDisposable
{
    private TestPostgresSchema? _schema;
    private PostgresDatabase? _database;

    private protected override async Task<IEndUserStateStore> CreateStoreAsync()
    {
        _schema ??= await TestPostgresSchema.CreateAsync("byoc_test", TestContext.Current.CancellationToken);
        _database ??= new PostgresDatabase(_schema.ConnectionString);
        return new PostgresEndUserStateStore(_database, Time);
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
