using Byoc.Core.Storage;
using Byoc.Storage.Postgres;
using Npgsql;

namespace Byoc.Storage.Tests.Postgres;

/// <summary>
/// The chat log contract on a real PostgreSQL, one fresh schema per test. Needs <c>BYOC_TEST_POSTGRES</c>: skipped
/// locally without it, failing in CI (<c>CI=true</c>).
/// </summary>
[Trait("Category", "Slow")]
public sealed class PostgresChatLogStoreTests : ChatLogStoreContractTests, IAsyncDisposable
{
    private const string Variable = "BYOC_TEST_POSTGRES";
    private readonly string _schema = $"byoc_test_{Guid.NewGuid():N}";
    private PostgresDatabase? _database;

    private protected override async Task<IChatLogStore> CreateStoreAsync()
    {
        var connectionString = Environment.GetEnvironmentVariable(Variable);
        if (string.IsNullOrEmpty(connectionString))
        {
            if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
            {
                Assert.Fail($"{Variable} is not set; CI must run the PostgreSQL store tests (eng/test.sh starts a cluster).");
            }

            Assert.Skip($"{Variable} is not set; run eng/test.sh to test the PostgreSQL store.");
        }

        if (_database is null)
        {
            await using (var admin = new NpgsqlConnection(connectionString))
            {
                await admin.OpenAsync(TestContext.Current.CancellationToken);
                await using var create = new NpgsqlCommand($"CREATE SCHEMA {_schema}", admin);
                await create.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
            }

            _database = new PostgresDatabase(new NpgsqlConnectionStringBuilder(connectionString) { SearchPath = _schema }.ConnectionString);
        }

        return new PostgresChatLogStore(_database, Time);
    }

    public async ValueTask DisposeAsync()
    {
        if (_database is null)
        {
            return;
        }

        await _database.DisposeAsync();
        await using var admin = new NpgsqlConnection(Environment.GetEnvironmentVariable(Variable));
        await admin.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP SCHEMA IF EXISTS {_schema} CASCADE", admin);
        await drop.ExecuteNonQueryAsync();
    }
}
