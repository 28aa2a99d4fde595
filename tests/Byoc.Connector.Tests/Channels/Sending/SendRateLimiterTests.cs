using Byoc.Connector.Channels.Sending;
using Microsoft.Extensions.Time.Testing;

namespace Byoc.Connector.Tests.Channels.Sending;

public sealed class SendRateLimiterTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));

    [Fact]
    public void TryReserve_SameChat_SpacesMessagesPerChat()
    {
        var limiter = new SendRateLimiter(perChat: 1, global: 30, _time);

        Assert.True(limiter.TryReserve("1", TimeSpan.FromSeconds(5), out var first));
        Assert.True(limiter.TryReserve("1", TimeSpan.FromSeconds(5), out var second));
        Assert.True(limiter.TryReserve("2", TimeSpan.FromSeconds(5), out var otherChat));

        Assert.Equal(TimeSpan.Zero, first);
        Assert.Equal(TimeSpan.FromSeconds(1), second);
        Assert.Equal(TimeSpan.FromSeconds(2.0 / 30), otherChat);
    }

    [Fact]
    public void TryReserve_WaitLongerThanAllowed_ReservesNothing()
    {
        var limiter = new SendRateLimiter(perChat: 1, global: 30, _time);
        limiter.TryReserve("1", TimeSpan.Zero, out _);

        Assert.False(limiter.TryReserve("1", TimeSpan.FromMilliseconds(500), out var wait));
        Assert.Equal(TimeSpan.FromSeconds(1), wait);
        _time.Advance(TimeSpan.FromSeconds(1));
        Assert.True(limiter.TryReserve("1", TimeSpan.Zero, out var now));
        Assert.Equal(TimeSpan.Zero, now);
    }

    [Fact]
    public void TryReserve_ManyChats_HoldsTheGlobalRate()
    {
        var limiter = new SendRateLimiter(perChat: 1, global: 30, _time);

        var waits = Enumerable.Range(0, 60).Select(i => limiter.TryReserve(i.ToString(System.Globalization.CultureInfo.InvariantCulture), TimeSpan.FromSeconds(5), out var wait)
            ? wait : TimeSpan.MaxValue).ToList();

        Assert.Equal(TimeSpan.FromSeconds(59.0 / 30).TotalMilliseconds, waits[^1].TotalMilliseconds, precision: 1);
    }
}
