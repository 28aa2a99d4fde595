using Byoc.Core.Storage;
using Byoc.Storage.Postgres;
using Byoc.TestUtilities;
using Byoc.TestUtilities.Postgres;
using Microsoft.Extensions.Time.Testing;
using Npgsql;

namespace Byoc.Storage.Tests.Postgres;

/// <summary>
/// Two connector instances on one schema: a lease counts only while its owner's process is alive, so when an instance
/// dies mid-delivery the other one takes its rows at once instead of after the lease (2 minutes by default).
/// </summary>
[Trait("Category", "Slow")]
public sealed class PostgresOwnerLockTests : IAsyncDisposable
{
    private static readonly TimeSpan s_lease = TimeSpan.FromMinutes(10);
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
    private readonly List<PostgresDatabase> _databases = [];
    private TestPostgresSchema? _schema;

    [Fact]
    public async Task Claim_OwnerAlive_LeaseHolds()
    {
        var ct = TestContext.Current.CancellationToken;
        var (first, second) = await TwoInstancesAsync();
        await first.TryAddAsync(new NewQueueItem("s", "m1", "c1", "{}"), ct);

        Assert.Single(await first.ClaimAsync("a", 1, s_lease, ct));

        Assert.Empty(await second.ClaimAsync("b", 1, s_lease, ct));
    }

    [Fact]
    public async Task Claim_OwnerProcessDied_ItsRowsClaimableAtOnceAndInOrder()
    {
        var ct = TestContext.Current.CancellationToken;
        var (first, second) = await TwoInstancesAsync();
        await first.TryAddAsync(new NewQueueItem("s", "m1", "c1", "{}"), ct);
        await first.TryAddAsync(new NewQueueItem("s", "m2", "c1", "{}"), ct);
        var claimed = Assert.Single(await first.ClaimAsync("a", 1, s_lease, ct));

        await _databases[0].DisposeAsync(); // what PostgreSQL sees when the process dies: its sessions end

        var taken = Assert.Single(await second.ClaimAsync("b", 5, s_lease, ct));
        Assert.Equal(claimed.Id, taken.Id);
        Assert.Equal("m1", taken.Key);
        Assert.True(await second.CompleteAsync(taken.Id, "b", ct));
        Assert.Equal("m2", Assert.Single(await second.ClaimAsync("b", 5, s_lease, ct)).Key);
    }

    [Fact]
    public async Task Claim_OwnSessionKilled_ClaimsNothingWhileOthersTakeItsRows()
    {
        var ct = TestContext.Current.CancellationToken;
        var (first, second) = await TwoInstancesAsync();
        await first.TryAddAsync(new NewQueueItem("s", "m1", "c1", "{}"), ct);
        await first.TryAddAsync(new NewQueueItem("s", "n1", "c2", "{}"), ct);
        Assert.Single(await first.ClaimAsync("a", 1, s_lease, ct));

        await TerminateOwnerSessionAsync("a", ct);

        // Until it holds its lock again, the first instance must not take rows: the others consider it dead.
        Assert.Empty(await first.ClaimAsync("a", 5, s_lease, ct));
        Assert.Equal(["m1", "n1"], (await second.ClaimAsync("b", 5, s_lease, ct)).Select(i => i.Key));
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

    private async Task<(PostgresInboxStore First, PostgresInboxStore Second)> TwoInstancesAsync()
    {
        _schema = await TestPostgresSchema.CreateAsync("byoc_owner", TestContext.Current.CancellationToken);
        var first = new PostgresDatabase(_schema.ConnectionString);
        var second = new PostgresDatabase(_schema.ConnectionString);
        _databases.Add(first);
        _databases.Add(second);
        return (new PostgresInboxStore(first, _time), new PostgresInboxStore(second, _time));
    }

    private async Task TerminateOwnerSessionAsync(string owner, CancellationToken cancellationToken)
    {
        await using var admin = new NpgsqlConnection(_schema!.ConnectionString);
        await admin.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand($"""
            SELECT pg_terminate_backend(l.pid) FROM pg_locks AS l
            WHERE l.locktype = 'advisory' AND l.granted AND l.objsubid = 1
              AND l.classid = ((({PostgresOwnerLocks.KeySql("@owner")}) >> 32) & 4294967295)::oid
              AND l.objid = (({PostgresOwnerLocks.KeySql("@owner")}) & 4294967295)::oid
            """, admin);
        command.Parameters.AddWithValue("owner", owner);
        Assert.True(await command.ExecuteScalarAsync(cancellationToken) is true, "The owner's session should be found and ended.");
        // The session ends a moment after pg_terminate_backend returns.
        await WaitFor.ConditionAsync(async token => !await IsAliveAsync(admin, owner, token), "the owner's session to end");
    }

    private static async Task<bool> IsAliveAsync(NpgsqlConnection admin, string owner, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand($"SELECT {PostgresOwnerLocks.AliveSql("@owner")}", admin);
        command.Parameters.AddWithValue("owner", owner);
        return await command.ExecuteScalarAsync(cancellationToken) is true;
    }
}
