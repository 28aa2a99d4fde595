using System.Collections.Concurrent;
using Byoc.Core.Storage;
using Microsoft.Extensions.Time.Testing;

namespace Byoc.Storage.Tests;

/// <summary>The behaviour every store implementation must have; run by one subclass per provider.</summary>
public abstract partial class StoreContractTests
{
    private static readonly TimeSpan s_lease = TimeSpan.FromSeconds(30);

    private protected FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));

    private protected abstract Task<StoreSet> CreateStoresAsync();

    [Fact]
    public async Task TryAddAsync_SameKeyTwice_StoresOneRow()
    {
        var stores = await CreateStoresAsync();
        var ct = TestContext.Current.CancellationToken;

        Assert.True(await stores.Inbox.TryAddAsync(Item("m1", "c1"), ct));
        Assert.False(await stores.Inbox.TryAddAsync(Item("m1", "c1"), ct));

        Assert.Equal(1, await stores.Inbox.CountPendingAsync(ct));
    }

    [Fact]
    public async Task TryAddAsync_SameKeyOtherSource_StoresBoth()
    {
        var stores = await CreateStoresAsync();
        var ct = TestContext.Current.CancellationToken;

        Assert.True(await stores.Inbox.TryAddAsync(Item("m1", "c1", source: "a"), ct));
        Assert.True(await stores.Inbox.TryAddAsync(Item("m1", "c1", source: "b"), ct));

        Assert.Equal(2, await stores.Inbox.CountPendingAsync(ct));
    }

    [Fact]
    public async Task TryAddAsync_ConcurrentInsertsOfSameKey_StoreOneRow()
    {
        var stores = await CreateStoresAsync();
        var ct = TestContext.Current.CancellationToken;

        var results = await Task.WhenAll(Enumerable.Range(0, 16)
            .Select(_ => Task.Run(() => stores.Inbox.TryAddAsync(Item("same", "c1"), ct), ct)))
            .WaitAsync(TimeSpan.FromSeconds(30), ct);

        Assert.Equal(1, results.Count(inserted => inserted));
        Assert.Equal(1, await stores.Inbox.CountPendingAsync(ct));
    }

    [Fact]
    public async Task TryAddAsync_AfterCompletion_StillIgnoresDuplicate()
    {
        var stores = await CreateStoresAsync();
        var ct = TestContext.Current.CancellationToken;
        await stores.Inbox.TryAddAsync(Item("m1", "c1"), ct);
        var claimed = Assert.Single(await stores.Inbox.ClaimAsync("w", 10, s_lease, ct));
        await stores.Inbox.CompleteAsync(claimed.Id, "w", ct);

        Assert.False(await stores.Inbox.TryAddAsync(Item("m1", "c1"), ct));
        Assert.Empty(await stores.Inbox.ClaimAsync("w", 10, s_lease, ct));
    }

    [Fact]
    public async Task ContainsAsync_PendingDoneAndDeadRows_AreAllKnownOnlyUnderTheirOwnSource()
    {
        var stores = await CreateStoresAsync();
        var ct = TestContext.Current.CancellationToken;
        Assert.False(await stores.Inbox.ContainsAsync("s", "m1", ct));
        await stores.Inbox.TryAddAsync(Item("m1", "c1"), ct);
        await stores.Inbox.TryAddAsync(Item("m2", "c2"), ct);
        await stores.Inbox.TryAddAsync(Item("m3", "c3"), ct);
        var claimed = await stores.Inbox.ClaimAsync("w", 10, s_lease, ct);
        await stores.Inbox.CompleteAsync(claimed.Single(i => i.Key == "m2").Id, "w", ct);
        await stores.Inbox.DeadLetterAsync(claimed.Single(i => i.Key == "m3").Id, "w", "permanent", "HTTP 400", ct);

        Assert.True(await stores.Inbox.ContainsAsync("s", "m1", ct));
        Assert.True(await stores.Inbox.ContainsAsync("s", "m2", ct));
        Assert.True(await stores.Inbox.ContainsAsync("s", "m3", ct));
        Assert.False(await stores.Inbox.ContainsAsync("other", "m1", ct));
        Assert.False(await stores.Outbox.ContainsAsync("s", "m1", ct));
    }

    [Fact]
    public async Task ClaimAsync_SeveralConversations_HandsOutOldestOfEach()
    {
        var stores = await CreateStoresAsync();
        var ct = TestContext.Current.CancellationToken;
        await stores.Outbox.TryAddAsync(Item("a1", "A"), ct);
        await stores.Outbox.TryAddAsync(Item("b1", "B"), ct);
        await stores.Outbox.TryAddAsync(Item("a2", "A"), ct);

        var first = await stores.Outbox.ClaimAsync("w", 10, s_lease, ct);
        Assert.Equal(["a1", "b1"], first.Select(item => item.Key));

        Assert.Empty(await stores.Outbox.ClaimAsync("w", 10, s_lease, ct));
        await stores.Outbox.CompleteAsync(first[0].Id, "w", ct);

        var second = Assert.Single(await stores.Outbox.ClaimAsync("w", 10, s_lease, ct));
        Assert.Equal("a2", second.Key);
    }

    [Fact]
    public async Task ClaimAsync_ConcurrentClaimers_NeverShareARow()
    {
        var stores = await CreateStoresAsync();
        var ct = TestContext.Current.CancellationToken;
        for (var i = 0; i < 40; i++)
        {
            await stores.Outbox.TryAddAsync(Item($"m{i}", $"c{i}"), ct);
        }

        var seen = new ConcurrentBag<string>();
        await Task.WhenAll(Enumerable.Range(0, 4).Select(worker => Task.Run(async () =>
        {
            for (var round = 0; round < 20; round++)
            {
                foreach (var item in await stores.Outbox.ClaimAsync($"w{worker}", 3, s_lease, ct))
                {
                    seen.Add(item.Key);
                    Assert.True(await stores.Outbox.CompleteAsync(item.Id, $"w{worker}", ct));
                }
            }
        }, ct))).WaitAsync(TimeSpan.FromSeconds(60), ct);

        Assert.Equal(40, seen.Count);
        Assert.Equal(40, seen.Distinct().Count());
    }

    [Fact]
    public async Task ClaimAsync_LeaseExpired_RowIsClaimableAgainAndOldOwnerLosesIt()
    {
        var stores = await CreateStoresAsync();
        var ct = TestContext.Current.CancellationToken;
        await stores.Outbox.TryAddAsync(Item("m1", "c1"), ct);
        var first = Assert.Single(await stores.Outbox.ClaimAsync("old", 1, s_lease, ct));

        Time.Advance(s_lease - TimeSpan.FromSeconds(1));
        Assert.Empty(await stores.Outbox.ClaimAsync("new", 1, s_lease, ct));
        Time.Advance(TimeSpan.FromSeconds(1));
        var second = Assert.Single(await stores.Outbox.ClaimAsync("new", 1, s_lease, ct));

        Assert.Equal(first.Id, second.Id);
        Assert.False(await stores.Outbox.CompleteAsync(first.Id, "old", ct));
        Assert.True(await stores.Outbox.CompleteAsync(second.Id, "new", ct));
    }

    [Fact]
    public async Task ReleaseAllAsync_OwnerStopsMidItem_RowsClaimableAtOnceWithoutCountingAnAttempt()
    {
        var stores = await CreateStoresAsync();
        var ct = TestContext.Current.CancellationToken;
        await stores.Inbox.TryAddAsync(Item("m1", "c1"), ct);
        await stores.Inbox.TryAddAsync(Item("m2", "c2"), ct);
        await stores.Inbox.TryAddAsync(Item("m3", "c3"), ct);
        Assert.Equal(2, (await stores.Inbox.ClaimAsync("stopping", 2, s_lease, ct)).Count);
        var other = Assert.Single(await stores.Inbox.ClaimAsync("other", 1, s_lease, ct));

        Assert.Equal(2, await stores.Inbox.ReleaseAllAsync("stopping", ct));

        var reclaimed = await stores.Inbox.ClaimAsync("restarted", 10, s_lease, ct);
        Assert.Equal(2, reclaimed.Count);
        Assert.All(reclaimed, item => Assert.Equal(0, item.Attempts));
        Assert.DoesNotContain(reclaimed, item => item.Id == other.Id);
        Assert.True(await stores.Inbox.CompleteAsync(other.Id, "other", ct));
    }

    [Fact]
    public async Task RetryLaterAsync_BeforeDueTime_BlocksConversationUntilDue()
    {
        var stores = await CreateStoresAsync();
        var ct = TestContext.Current.CancellationToken;
        await stores.Inbox.TryAddAsync(Item("m1", "c1"), ct);
        await stores.Inbox.TryAddAsync(Item("m2", "c1"), ct);
        var item = Assert.Single(await stores.Inbox.ClaimAsync("w", 10, s_lease, ct));

        Assert.True(await stores.Inbox.RetryLaterAsync(item.Id, "w", Time.GetUtcNow().AddSeconds(5), "boom", ct));
        Assert.Empty(await stores.Inbox.ClaimAsync("w", 10, s_lease, ct));

        Time.Advance(TimeSpan.FromSeconds(5));
        var again = Assert.Single(await stores.Inbox.ClaimAsync("w", 10, s_lease, ct));
        Assert.Equal("m1", again.Key);
        Assert.Equal(1, again.Attempts);
        Assert.Equal("boom", again.LastError);
    }

    [Fact]
    public async Task DeadLetterAsync_ClaimedRow_RecordsReasonAndUnblocksConversation()
    {
        var stores = await CreateStoresAsync();
        var ct = TestContext.Current.CancellationToken;
        await stores.Outbox.TryAddAsync(Item("m1", "c1"), ct);
        await stores.Outbox.TryAddAsync(Item("m2", "c1"), ct);
        var item = Assert.Single(await stores.Outbox.ClaimAsync("w", 10, s_lease, ct));

        Assert.True(await stores.Outbox.DeadLetterAsync(item.Id, "w", "permanent", "HTTP 400", ct));

        var dead = Assert.Single(await stores.DeadLetters.ListAsync(10, ct));
        Assert.Equal(("outbox", "m1", "permanent", "HTTP 400", 1), (dead.Queue, dead.Key, dead.Reason, dead.LastError, dead.Attempts));
        Assert.Equal("m2", Assert.Single(await stores.Outbox.ClaimAsync("w", 10, s_lease, ct)).Key);
        Assert.False(await stores.Outbox.TryAddAsync(Item("m1", "c1"), ct));
    }

    [Fact]
    public async Task TryAddWithCheckpointAsync_NewEntry_StoresRowAndCheckpoint()
    {
        var stores = await CreateStoresAsync();
        var ct = TestContext.Current.CancellationToken;

        Assert.True(await stores.Outbox.TryAddWithCheckpointAsync(Item("e1", "c1"), new ReplayCheckpoint("/event/T", [1, 2]), ct));

        Assert.Equal([1, 2], await stores.Outbox.GetReplayIdAsync("/event/T", ct));
        Assert.Equal(1, await stores.Outbox.CountPendingAsync(ct));
    }

    [Fact]
    public async Task TryAddWithCheckpointAsync_DuplicateOrFiltered_StillMovesCheckpoint()
    {
        var stores = await CreateStoresAsync();
        var ct = TestContext.Current.CancellationToken;
        await stores.Outbox.TryAddWithCheckpointAsync(Item("e1", "c1"), new ReplayCheckpoint("/event/T", [1]), ct);

        Assert.False(await stores.Outbox.TryAddWithCheckpointAsync(Item("e1", "c1"), new ReplayCheckpoint("/event/T", [2]), ct));
        Assert.Equal([2], await stores.Outbox.GetReplayIdAsync("/event/T", ct));
        Assert.False(await stores.Outbox.TryAddWithCheckpointAsync(null, new ReplayCheckpoint("/event/T", [3]), ct));
        Assert.Equal([3], await stores.Outbox.GetReplayIdAsync("/event/T", ct));
        Assert.Equal(1, await stores.Outbox.CountPendingAsync(ct));
    }

    [Fact]
    public async Task TryAddWithCheckpointAsync_CheckpointWriteFails_RowIsNotStored()
    {
        var stores = await CreateStoresAsync();
        var ct = TestContext.Current.CancellationToken;

        await Assert.ThrowsAnyAsync<Exception>(() =>
            stores.Outbox.TryAddWithCheckpointAsync(Item("e1", "c1"), new ReplayCheckpoint("/event/T", null!), ct));

        Assert.Equal(0, await stores.Outbox.CountPendingAsync(ct));
        Assert.Null(await stores.Outbox.GetReplayIdAsync("/event/T", ct));
        Assert.True(await stores.Outbox.TryAddWithCheckpointAsync(Item("e1", "c1"), new ReplayCheckpoint("/event/T", [9]), ct));
    }

    [Fact]
    public async Task GetReplayIdAsync_UnknownTopic_ReturnsNull()
    {
        var stores = await CreateStoresAsync();

        Assert.Null(await stores.Outbox.GetReplayIdAsync("/event/None", TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task GetOrAddAsync_SameUserTwice_ReturnsOneMappingThatCarriesTheConversation()
    {
        var stores = await CreateStoresAsync();
        var ct = TestContext.Current.CancellationToken;
        var created = await stores.Conversations.GetOrAddAsync("web", "u1", "addr", "web:u1", ct);
        await stores.Conversations.SetConversationAsync("web", "u1", "conv-1", "0Mw1", ct);

        var again = await stores.Conversations.GetOrAddAsync("web", "u1", "addr", "web:u1", ct);
        var found = await stores.Conversations.FindByEndUserAsync("addr", "web:u1", ct);

        Assert.Null(created.ConversationIdentifier);
        Assert.Equal(("conv-1", "0Mw1"), (again.ConversationIdentifier, again.SessionId));
        Assert.Equal(again, found);
        Assert.Null(await stores.Conversations.FindByEndUserAsync("addr", "web:u2", ct));
    }

    [Fact]
    public async Task GetOrAddAsync_Concurrent_CreatesOneMapping()
    {
        var stores = await CreateStoresAsync();
        var ct = TestContext.Current.CancellationToken;

        var records = await Task.WhenAll(Enumerable.Range(0, 8)
            .Select(_ => Task.Run(() => stores.Conversations.GetOrAddAsync("web", "u1", "addr", "web:u1", ct), ct)))
            .WaitAsync(TimeSpan.FromSeconds(30), ct);

        Assert.Single(records.Distinct());
    }

    private static NewQueueItem Item(string key, string conversation, string source = "s") =>
        new(source, key, conversation, $$"""{"key":"{{key}}"}""");
}
