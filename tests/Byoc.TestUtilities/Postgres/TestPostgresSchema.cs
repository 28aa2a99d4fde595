using Npgsql;

namespace Byoc.TestUtilities.Postgres;

/// <summary>
/// A fresh schema on the PostgreSQL cluster named by <c>BYOC_TEST_POSTGRES</c> (eng/test.sh starts one and sets it),
/// dropped on dispose. Without the variable the test is skipped, or fails in CI (<see cref="Prerequisite"/>).
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
        Prerequisite.Require(
            !string.IsNullOrEmpty(connectionString), $"{Variable} is not set: run eng/test.sh, which starts a throw-away cluster, to test on PostgreSQL.");

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
