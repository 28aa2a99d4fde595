using Byoc.Core.Storage;
using Microsoft.Extensions.Time.Testing;

namespace Byoc.Storage.Tests;

/// <summary>The behaviour every <see cref="IChatLogStore"/> must have; run by one subclass per provider.</summary>
public abstract class ChatLogStoreContractTests
{
    private protected FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));

    private protected abstract Task<IChatLogStore> CreateStoreAsync();

    [Fact]
    public async Task AppendAsync_NewKeys_NumbersFromOnePerUser()
    {
        var store = await CreateStoreAsync();
        var ct = TestContext.Current.CancellationToken;

        var a1 = await store.AppendAsync("web", "alice", "k1", "{}", ct);
        var b1 = await store.AppendAsync("web", "bob", "k1", "{}", ct);
        var a2 = await store.AppendAsync("web", "alice", "k2", "{}", ct);
        var other = await store.AppendAsync("chat2", "alice", "k1", "{}", ct);

        Assert.Equal([1L, 1L, 2L, 1L], [a1.Entry.Sequence, b1.Entry.Sequence, a2.Entry.Sequence, other.Entry.Sequence]);
        Assert.True(a1.Added && b1.Added && a2.Added && other.Added);
    }

    [Fact]
    public async Task AppendAsync_SameKeyTwice_ReturnsFirstEntryAndAddsNothing()
    {
        var store = await CreateStoreAsync();
        var ct = TestContext.Current.CancellationToken;

        var first = await store.AppendAsync("web", "alice", "k1", "first", ct);
        Time.Advance(TimeSpan.FromSeconds(5));
        var second = await store.AppendAsync("web", "alice", "k1", "second", ct);

        Assert.False(second.Added);
        Assert.Equal(first.Entry, second.Entry);
        Assert.Equal("first", Assert.Single(await store.ReadAfterAsync("web", "alice", 0, 100, ct)).Payload);
    }

    [Fact]
    public async Task FindAsync_Key_OnlyInItsOwnEndUsersLog()
    {
        var store = await CreateStoreAsync();
        var ct = TestContext.Current.CancellationToken;
        await store.AppendAsync("web", "alice", "k0", "p0", ct);
        var appended = await store.AppendAsync("web", "alice", "k1", "p1", ct);

        Assert.Equal(appended.Entry, await store.FindAsync("web", "alice", "k1", ct));
        Assert.Null(await store.FindAsync("web", "bob", "k1", ct));
        Assert.Null(await store.FindAsync("chat2", "alice", "k1", ct));
        Assert.Null(await store.FindAsync("web", "alice", "k2", ct));
    }

    [Fact]
    public async Task ReadAfterAsync_AfterSequence_ReturnsOnlyLaterEntriesInOrder()
    {
        var store = await CreateStoreAsync();
        var ct = TestContext.Current.CancellationToken;
        for (var i = 1; i <= 5; i++)
        {
            await store.AppendAsync("web", "alice", $"k{i}", $"p{i}", ct);
        }

        var after2 = await store.ReadAfterAsync("web", "alice", 2, 100, ct);
        var limited = await store.ReadAfterAsync("web", "alice", 0, 2, ct);

        Assert.Equal(["p3", "p4", "p5"], after2.Select(entry => entry.Payload));
        Assert.Equal([3L, 4L, 5L], after2.Select(entry => entry.Sequence));
        Assert.Equal(["k1", "k2"], limited.Select(entry => entry.Key));
        Assert.Empty(await store.ReadAfterAsync("web", "alice", 5, 100, ct));
        Assert.Empty(await store.ReadAfterAsync("web", "nobody", 0, 100, ct));
    }

    [Fact]
    public async Task AppendAsync_Timestamp_UsesTimeProvider()
    {
        var store = await CreateStoreAsync();
        var ct = TestContext.Current.CancellationToken;
        Time.Advance(TimeSpan.FromMinutes(3));

        var appended = await store.AppendAsync("web", "alice", "k1", "{}", ct);

        Assert.Equal(Time.GetUtcNow(), appended.Entry.CreatedAt);
    }

    [Fact]
    public async Task AppendAsync_ConcurrentAppendsForOneUser_GetDistinctGapFreeSequences()
    {
        var store = await CreateStoreAsync();
        var ct = TestContext.Current.CancellationToken;

        var results = await Task.WhenAll(Enumerable.Range(0, 40)
            .Select(i => Task.Run(() => store.AppendAsync("web", "alice", $"k{i % 20}", $"p{i % 20}", ct), ct)))
            .WaitAsync(TimeSpan.FromSeconds(30), ct);

        Assert.Equal(20, results.Count(result => result.Added));
        var log = await store.ReadAfterAsync("web", "alice", 0, 100, ct);
        Assert.Equal(Enumerable.Range(1, 20).Select(i => (long)i), log.Select(entry => entry.Sequence));
        Assert.Equal(20, log.Select(entry => entry.Key).Distinct().Count());
        Assert.All(results, result => Assert.Equal(log.Single(entry => entry.Key == result.Entry.Key), result.Entry));
    }
}
