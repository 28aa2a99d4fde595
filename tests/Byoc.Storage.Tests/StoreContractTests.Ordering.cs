namespace Byoc.Storage.Tests;

/// <summary>Per-conversation order under a long, interleaved backlog with retries, leases and done rows, for every provider.</summary>
public abstract partial class StoreContractTests
{
    [Fact]
    public async Task ClaimAsync_LongInterleavedBacklogWithRetries_OnlyEverHandsOutTheOldestPendingRowOfAConversation()
    {
        const int Conversations = 12;
        const int PerConversation = 15;
        var stores = await CreateStoresAsync();
        var ct = TestContext.Current.CancellationToken;
        var pending = Enumerable.Range(0, Conversations).ToDictionary(c => $"c{c}", _ => new Queue<string>());
        for (var n = 0; n < Conversations * PerConversation; n++)
        {
            var conversation = $"c{n % Conversations}";
            await stores.Outbox.TryAddAsync(Item($"m{n}", conversation), ct);
            pending[conversation].Enqueue($"m{n}");
        }

        var delivered = new List<string>();
        for (var round = 0; round < 400 && pending.Values.Any(queue => queue.Count > 0); round++)
        {
            var claimed = await stores.Outbox.ClaimAsync("w", 5, s_lease, ct);

            Assert.Equal(claimed.Select(item => item.Id).Order(), claimed.Select(item => item.Id));
            Assert.Equal(claimed.Count, claimed.Select(item => item.ConversationKey).Distinct().Count());
            foreach (var (item, index) in claimed.Select((item, index) => (item, index)))
            {
                Assert.Equal(pending[item.ConversationKey].Peek(), item.Key);
                if ((round + index) % 3 == 0)
                {
                    await stores.Outbox.RetryLaterAsync(item.Id, "w", Time.GetUtcNow().AddSeconds(1), "later", ct);
                }
                else if ((round + index) % 7 == 0)
                {
                    // Left leased: the conversation stays blocked until the lease runs out.
                }
                else
                {
                    await stores.Outbox.CompleteAsync(item.Id, "w", ct);
                    delivered.Add(pending[item.ConversationKey].Dequeue());
                }
            }

            Time.Advance(round % 4 == 0 ? s_lease : TimeSpan.FromMilliseconds(400));
        }

        Assert.Equal(Conversations * PerConversation, delivered.Count);
        Assert.Equal(0, await stores.Outbox.CountPendingAsync(ct));
    }
}
