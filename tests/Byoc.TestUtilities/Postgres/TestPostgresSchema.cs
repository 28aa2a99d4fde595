using Npgsql;
using Xunit;

namespace Byoc.TestUtilities.Postgres;

/// <summary>
/// A fresh schema on the PostgreSQL cluster named by <c>BYOC_TEST_POSTGRES</c> (eng/test.sh starts one and sets it),
/// dropped on dispose. Without the variable the test is skipped locally and fails in CI (<c>CI=true</c>), so a
/// misconfigured CI never passes silently.
/// </summary>
public sealed class TestPostgresSchema : IAsyncDisposable
{
    public const string Variable = "BYOC_TEST_POSTGRES";

    private readonly string _adminConnectionString;
    private readonly string _name;

    private TestPostgresSchema(string adminConnectionString, string name)
    {
        _adminConnectionString = adminConnectionString;
        _name = name;
        ConnectionString = new NpgsqlConnectionStringBuilder(adminConnectionString) { SearchPath = name }.ConnectionString;
    }

    /// <summary>A connection string whose search path is this schema.</summary>
    public string ConnectionString { get; }

    public static async Task<TestPostgresSchema> CreateAsync(string prefix, CancellationToken cancellationToken)
    {
        var connectionString = Environment.GetEnvironmentVariable(Variable);
        if (string.IsNullOrEmpty(connectionString))
        {
            if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
            {
                Assert.Fail($"{Variable} is not set; CI must run the PostgreSQL tests (eng/test.sh starts a cluster).");
            }

            Assert.Skip($"{Variable} is not set; run eng/test.sh to test on PostgreSQL.");
        }

        var schema = new TestPostgresSchema(connectionString, $"{prefix}_{Guid.NewGuid():N}");
        await schema.ExecuteAsync($"CREATE SCHEMA {schema._name}", cancellationToken);
        return schema;
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await ExecuteAsync($"DROP SCHEMA IF EXISTS {_name} CASCADE", CancellationToken.None);
    }

    private async Task ExecuteAsync(string sql, CancellationToken cancellationToken)
    {
        await using var admin = new NpgsqlConnection(_adminConnectionString);
        await admin.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(sql, admin);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
