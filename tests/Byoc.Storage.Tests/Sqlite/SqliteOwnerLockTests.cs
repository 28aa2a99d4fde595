using Byoc.Core.Storage;
using Byoc.Storage.Sqlite;
using Microsoft.Extensions.Time.Testing;

namespace Byoc.Storage.Tests.Sqlite;

/// <summary>One process per SQLite file; the next owner releases what a crashed one still held.</summary>
public sealed class SqliteOwnerLockTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("byoc-sqlite-lock-").FullName;
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));

    private string DatabasePath => Path.Combine(_directory, "connector.db");

    [Fact]
    public async Task OpenAsync_FileHeldByAnotherOwner_ThrowsNamingTheFileAndPostgres()
    {
        var ct = TestContext.Current.CancellationToken;
        using var first = new SqliteDatabase(DatabasePath);
        await using (await first.OpenAsync(ct))
        {
        }

        using var second = new SqliteDatabase(DatabasePath);
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => second.OpenAsync(ct));

        Assert.Contains(DatabasePath, error.Message, StringComparison.Ordinal);
        Assert.Contains("PostgreSQL", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OpenAsync_PreviousOwnerGoneWithLeases_NextOwnerClaimsAtOnce()
    {
        var ct = TestContext.Current.CancellationToken;
        using (var crashed = new SqliteDatabase(DatabasePath))
        {
            var inbox = new SqliteInboxStore(crashed, _time);
            var outbox = new SqliteOutboxStore(crashed, _time);
            await inbox.TryAddAsync(new NewQueueItem("webhook", "m1", "c1", "{}"), ct);
            await outbox.TryAddAsync(new NewQueueItem("topic", "e1", "c1", "{}"), ct);
            Assert.Single(await inbox.ClaimAsync("dead-process", 10, TimeSpan.FromMinutes(2), ct));
            Assert.Single(await outbox.ClaimAsync("dead-process", 10, TimeSpan.FromMinutes(2), ct));
            // No ReleaseAllAsync: the process is gone as after SIGKILL, and the lock goes with it.
        }

        using var restarted = new SqliteDatabase(DatabasePath);
        var inboxAgain = new SqliteInboxStore(restarted, _time);
        var outboxAgain = new SqliteOutboxStore(restarted, _time);

        Assert.Equal("m1", Assert.Single(await inboxAgain.ClaimAsync("new-process", 10, TimeSpan.FromMinutes(2), ct)).Key);
        Assert.Equal("e1", Assert.Single(await outboxAgain.ClaimAsync("new-process", 10, TimeSpan.FromMinutes(2), ct)).Key);
    }

    [Fact]
    public async Task OpenAsync_SameOwnerKeepsWorking_ItsLeasesHold()
    {
        var ct = TestContext.Current.CancellationToken;
        using var database = new SqliteDatabase(DatabasePath);
        var inbox = new SqliteInboxStore(database, _time);
        await inbox.TryAddAsync(new NewQueueItem("webhook", "m1", "c1", "{}"), ct);
        Assert.Single(await inbox.ClaimAsync("worker-a", 10, TimeSpan.FromMinutes(2), ct));

        Assert.Empty(await inbox.ClaimAsync("worker-b", 10, TimeSpan.FromMinutes(2), ct));
    }

    [Fact]
    public async Task LeaderElection_OwnerOfTheFile_AlwaysLeads()
    {
        var ct = TestContext.Current.CancellationToken;
        using var database = new SqliteDatabase(DatabasePath);
        var election = new SqliteLeaderElection(database);

        await using var leadership = await election.TryAcquireAsync("pubsub", ct);

        Assert.NotNull(leadership);
        Assert.False(leadership.Lost.CanBeCanceled);
    }

    [Fact]
    public async Task LeaderElection_FileOwnedByAnotherProcess_Throws()
    {
        var ct = TestContext.Current.CancellationToken;
        using var owner = new SqliteDatabase(DatabasePath);
        await using (await owner.OpenAsync(ct))
        {
        }

        using var intruder = new SqliteDatabase(DatabasePath);

        await Assert.ThrowsAsync<InvalidOperationException>(() => new SqliteLeaderElection(intruder).TryAcquireAsync("pubsub", ct));
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
