using Byoc.Storage.Postgres;
using Byoc.TestUtilities;
using Byoc.TestUtilities.Postgres;
using Npgsql;

namespace Byoc.Storage.Tests.Postgres;

/// <summary>
/// Several connector instances on one PostgreSQL schema: one leads (runs the Pub/Sub subscriber), the others stand by,
/// and a standby takes over when the leader gives up or its session dies.
/// </summary>
[Trait("Category", "Slow")]
public sealed class PostgresLeaderElectionTests : IAsyncDisposable
{
    private static readonly TimeSpan s_check = TimeSpan.FromMilliseconds(100);
    private readonly List<PostgresDatabase> _databases = [];
    private TestPostgresSchema? _schema;

    [Fact]
    public async Task TryAcquireAsync_TwoInstances_OnlyOneLeads()
    {
        var ct = TestContext.Current.CancellationToken;
        var (first, second) = await TwoInstancesAsync();

        await using var leader = await first.TryAcquireAsync("pubsub", ct);

        Assert.NotNull(leader);
        Assert.Null(await second.TryAcquireAsync("pubsub", ct));
        await using var otherJob = await second.TryAcquireAsync("another-job", ct);
        Assert.NotNull(otherJob);
    }

    [Fact]
    public async Task TryAcquireAsync_LeaderGivesUp_StandbyTakesOver()
    {
        var ct = TestContext.Current.CancellationToken;
        var (first, second) = await TwoInstancesAsync();
        var leader = await first.TryAcquireAsync("pubsub", ct);
        Assert.NotNull(leader);

        await leader.DisposeAsync();

        await using var successor = await second.TryAcquireAsync("pubsub", ct);
        Assert.NotNull(successor);
    }

    [Fact]
    public async Task TryAcquireAsync_LeaderSessionKilled_LeaderLearnsItAndStandbyTakesOver()
    {
        var ct = TestContext.Current.CancellationToken;
        var (first, second) = await TwoInstancesAsync();
        await using var leader = await first.TryAcquireAsync("pubsub", ct);
        Assert.NotNull(leader);

        // What PostgreSQL does when the leader's process dies: its session ends, and the session's locks with it.
        await TerminateLeaderSessionAsync(ct);

        // The session ends a moment after pg_terminate_backend returns; a standby keeps trying as the subscriber does.
        var successor = await WaitFor.ValueAsync(token => second.TryAcquireAsync("pubsub", token), "the standby to take the lock");

        await successor.DisposeAsync();
        await WaitFor.ConditionAsync(() => leader.Lost.IsCancellationRequested, "the old leader to learn that it lost the lock",
            s_check * 30);
    }

    [Fact]
    public async Task TryAcquireAsync_OtherSchema_DoesNotBlock()
    {
        var ct = TestContext.Current.CancellationToken;
        var (first, _) = await TwoInstancesAsync();
        await using var otherSchema = await TestPostgresSchema.CreateAsync("byoc_leader", ct);
        var otherDatabase = new PostgresDatabase(otherSchema.ConnectionString);
        _databases.Add(otherDatabase);

        await using var leader = await first.TryAcquireAsync("pubsub", ct);
        await using var elsewhere = await new PostgresLeaderElection(otherDatabase, TimeProvider.System, s_check).TryAcquireAsync("pubsub", ct);

        Assert.NotNull(leader);
        Assert.NotNull(elsewhere);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var database in _databases)
        {
            await database.DisposeAsync();
        }

        if (_schema is not null)
        {
            await _schema.DisposeAsync();
        }
    }

    private async Task<(PostgresLeaderElection First, PostgresLeaderElection Second)> TwoInstancesAsync()
    {
        _schema = await TestPostgresSchema.CreateAsync("byoc_leader", TestContext.Current.CancellationToken);
        var first = new PostgresDatabase(_schema.ConnectionString);
        var second = new PostgresDatabase(_schema.ConnectionString);
        _databases.Add(first);
        _databases.Add(second);
        return (new PostgresLeaderElection(first, TimeProvider.System, s_check), new PostgresLeaderElection(second, TimeProvider.System, s_check));
    }

    private async Task TerminateLeaderSessionAsync(CancellationToken cancellationToken)
    {
        await using var admin = new NpgsqlConnection(_schema!.ConnectionString);
        await admin.OpenAsync(cancellationToken);
        // Only the session holding this schema's "pubsub" leadership (two-key advisory lock: class "byoc", name hash).
        await using var command = new NpgsqlCommand("""
            SELECT pg_terminate_backend(pid) FROM pg_locks
            WHERE locktype = 'advisory' AND granted AND objsubid = 2 AND classid::bigint = @class
              AND objid::bigint = (hashtext(current_schema() || '/pubsub')::bigint & 4294967295)
            """, admin);
        command.Parameters.AddWithValue("class", (long)PostgresLeaderElection.LockClass);
        Assert.True(await command.ExecuteScalarAsync(cancellationToken) is true, "The leader's session should be found and ended.");
    }
}
