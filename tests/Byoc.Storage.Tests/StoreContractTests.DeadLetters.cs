using Byoc.Core.Storage;

namespace Byoc.Storage.Tests;

/// <summary>Dead-letter listing, replay and purge, for every provider.</summary>
public abstract partial class StoreContractTests
{
    [Fact]
    public async Task DeadLetters_ListWithBeforeId_PagesNewestFirst()
    {
        var stores = await CreateStoresAsync();
        var ct = TestContext.Current.CancellationToken;
        foreach (var key in new[] { "m1", "m2", "m3" })
        {
            await KillAsync(stores.Inbox, key, key, ct);
        }

        var first = await stores.DeadLetters.ListAsync(2, null, ct);
        var second = await stores.DeadLetters.ListAsync(2, first[^1].Id, ct);

        Assert.Equal(["m3", "m2"], first.Select(d => d.Key));
        Assert.Equal(["m1"], second.Select(d => d.Key));
        Assert.Equal(3, await stores.DeadLetters.CountAsync(ct));
        Assert.Equal("m2", (await stores.DeadLetters.GetAsync(first[1].Id, ct))?.Key);
        Assert.Null(await stores.DeadLetters.GetAsync(first[0].Id + 1000, ct));
    }

    [Fact]
    public async Task ReplayAsync_DeadInboxRow_ReturnsToQueueWithAttemptsResetAndLeavesDeadLetters()
    {
        var stores = await CreateStoresAsync();
        var ct = TestContext.Current.CancellationToken;
        await KillAsync(stores.Inbox, "m1", "c1", ct);
        var dead = Assert.Single(await stores.DeadLetters.ListAsync(10, ct));

        Assert.True(await stores.DeadLetters.ReplayAsync(dead.Id, ct));

        Assert.Empty(await stores.DeadLetters.ListAsync(10, ct));
        var again = Assert.Single(await stores.Inbox.ClaimAsync("w2", 10, s_lease, ct));
        Assert.Equal(("m1", "c1", 0, null), (again.Key, again.ConversationKey, again.Attempts, again.LastError));
        Assert.Equal(dead.Payload, again.Payload);
        Assert.False(await stores.Inbox.TryAddAsync(Item("m1", "c1"), ct));
        Assert.False(await stores.DeadLetters.ReplayAsync(dead.Id, ct));
    }

    [Fact]
    public async Task ReplayAllAsync_BothQueues_ReplaysEveryDeadLetterIntoItsOwnQueue()
    {
        var stores = await CreateStoresAsync();
        var ct = TestContext.Current.CancellationToken;
        await KillAsync(stores.Inbox, "in1", "c1", ct);
        await KillAsync(stores.Outbox, "out1", "c2", ct);

        Assert.Equal(2, await stores.DeadLetters.ReplayAllAsync(ct));

        Assert.Equal("in1", Assert.Single(await stores.Inbox.ClaimAsync("w2", 10, s_lease, ct)).Key);
        Assert.Equal("out1", Assert.Single(await stores.Outbox.ClaimAsync("w2", 10, s_lease, ct)).Key);
        Assert.Equal(0, await stores.DeadLetters.CountAsync(ct));
    }

    [Fact]
    public async Task PurgeAsync_ByIdAndOlderThan_DeletesOnlyThoseDeadLetters()
    {
        var stores = await CreateStoresAsync();
        var ct = TestContext.Current.CancellationToken;
        await KillAsync(stores.Inbox, "old", "c1", ct);
        Time.Advance(TimeSpan.FromHours(2));
        await KillAsync(stores.Inbox, "new", "c2", ct);
        await KillAsync(stores.Inbox, "byid", "c3", ct);
        var byId = (await stores.DeadLetters.ListAsync(1, ct))[0];

        Assert.True(await stores.DeadLetters.PurgeAsync(byId.Id, ct));
        Assert.False(await stores.DeadLetters.PurgeAsync(byId.Id, ct));
        Assert.Equal(1, await stores.DeadLetters.PurgeAllAsync(Time.GetUtcNow() - TimeSpan.FromHours(1), ct));
        Assert.Equal(["new"], (await stores.DeadLetters.ListAsync(10, ct)).Select(d => d.Key));
        Assert.Equal(1, await stores.DeadLetters.PurgeAllAsync(null, ct));
        Assert.Equal(0, await stores.DeadLetters.CountAsync(ct));
    }

    [Fact]
    public async Task ClaimAsync_RowStoredWithTraceParent_HandsItBack()
    {
        var stores = await CreateStoresAsync();
        var ct = TestContext.Current.CancellationToken;
        const string Parent = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01";
        await stores.Inbox.TryAddAsync(Item("m1", "c1") with { TraceParent = Parent }, ct);
        await stores.Outbox.TryAddAsync(Item("e1", "c1"), ct);

        Assert.Equal(Parent, Assert.Single(await stores.Inbox.ClaimAsync("w", 10, s_lease, ct)).TraceParent);
        Assert.Null(Assert.Single(await stores.Outbox.ClaimAsync("w", 10, s_lease, ct)).TraceParent);
    }

    private static async Task KillAsync(IWorkQueue queue, string key, string conversation, CancellationToken ct)
    {
        await queue.TryAddAsync(Item(key, conversation), ct);
        var claimed = await queue.ClaimAsync("w", 10, s_lease, ct);
        var item = Assert.Single(claimed, i => i.Key == key);
        Assert.True(await queue.DeadLetterAsync(item.Id, "w", "attempts-exhausted", "HTTP 503", ct));
    }
}
