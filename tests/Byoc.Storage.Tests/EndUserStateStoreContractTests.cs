using Byoc.Core.Storage;
using Microsoft.Extensions.Time.Testing;

namespace Byoc.Storage.Tests;

/// <summary>The behaviour every <see cref="IEndUserStateStore"/> must have; run by one subclass per provider.</summary>
public abstract class EndUserStateStoreContractTests
{
    private protected FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));

    private protected abstract Task<IEndUserStateStore> CreateStoreAsync();

    [Fact]
    public async Task SetAsync_ThenGet_ReturnsTheLatestValuePerChannelUserAndKey()
    {
        var store = await CreateStoreAsync();
        var ct = TestContext.Current.CancellationToken;

        await store.SetAsync("sms", "+1555", "k", "first", ct);
        await store.SetAsync("sms", "+1555", "k", "second", ct);
        await store.SetAsync("sms", "+1666", "k", "other user", ct);
        await store.SetAsync("wa", "+1555", "k", "other channel", ct);

        Assert.Equal("second", await store.GetAsync("sms", "+1555", "k", ct));
        Assert.Equal("other user", await store.GetAsync("sms", "+1666", "k", ct));
        Assert.Equal("other channel", await store.GetAsync("wa", "+1555", "k", ct));
        Assert.Null(await store.GetAsync("sms", "+1555", "another key", ct));
    }

    [Fact]
    public async Task SetAsync_Null_RemovesTheKeyAndRemovingAgainIsHarmless()
    {
        var store = await CreateStoreAsync();
        var ct = TestContext.Current.CancellationToken;
        await store.SetAsync("sms", "+1555", "k", "value", ct);

        await store.SetAsync("sms", "+1555", "k", null, ct);
        await store.SetAsync("sms", "+1555", "k", null, ct);

        Assert.Null(await store.GetAsync("sms", "+1555", "k", ct));
    }
}
