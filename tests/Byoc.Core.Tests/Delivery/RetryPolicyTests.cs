using Byoc.Core.Delivery;
using Microsoft.Extensions.Time.Testing;

namespace Byoc.Core.Tests.Delivery;

public sealed class RetryPolicyTests
{
    [Theory]
    [InlineData(1, 1000)]
    [InlineData(2, 2000)]
    [InlineData(3, 4000)]
    [InlineData(4, 8000)]
    [InlineData(10, 30000)]
    [InlineData(100, 30000)]
    public void GetDelay_MaxJitter_GrowsExponentiallyUpToCap(int failedAttempts, double expectedMilliseconds)
    {
        var policy = CreateSut(random: () => 1.0);

        Assert.Equal(expectedMilliseconds, policy.GetDelay(failedAttempts).TotalMilliseconds, 3);
    }

    [Theory]
    [InlineData(1, 500)]
    [InlineData(3, 2000)]
    [InlineData(50, 15000)]
    public void GetDelay_ZeroJitter_IsHalfTheCap(int failedAttempts, double expectedMilliseconds)
    {
        var policy = CreateSut(random: () => 0.0);

        Assert.Equal(expectedMilliseconds, policy.GetDelay(failedAttempts).TotalMilliseconds, 3);
    }

    [Fact]
    public void GetDelay_SharedRandom_StaysWithinBounds()
    {
        var policy = new RetryPolicy(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(30), 5);

        for (var attempt = 1; attempt < 20; attempt++)
        {
            var cap = Math.Min(1000 * Math.Pow(2, attempt - 1), 30000);
            var delay = policy.GetDelay(attempt).TotalMilliseconds;
            Assert.InRange(delay, cap / 2, cap);
        }
    }

    [Fact]
    public void NextAttemptAt_FakeClock_IsNowPlusDelay()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
        var policy = CreateSut(random: () => 0.5);

        var next = policy.NextAttemptAt(2, time);

        Assert.Equal(time.GetUtcNow() + TimeSpan.FromMilliseconds(1500), next);
        time.Advance(TimeSpan.FromMilliseconds(1499));
        Assert.True(time.GetUtcNow() < next);
        time.Advance(TimeSpan.FromMilliseconds(1));
        Assert.True(time.GetUtcNow() >= next);
    }

    [Theory]
    [InlineData(500, 1500)]
    [InlineData(10_000, 10_000)]
    [InlineData(120_000, 30_000)]
    public void NextAttemptAt_RetryAfter_IsTheLongerOfHintAndBackoffCappedAtMaxDelay(int retryAfterMs, int expectedMs)
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
        var policy = CreateSut(random: () => 0.5);

        var next = policy.NextAttemptAt(2, time, TimeSpan.FromMilliseconds(retryAfterMs));

        Assert.Equal(time.GetUtcNow() + TimeSpan.FromMilliseconds(expectedMs), next);
    }

    [Theory]
    [InlineData(0, true)]
    [InlineData(4, true)]
    [InlineData(5, false)]
    [InlineData(6, false)]
    public void ShouldRetry_AfterFailures_StopsAtMaxAttempts(int failedAttempts, bool expected)
    {
        Assert.Equal(expected, CreateSut().ShouldRetry(failedAttempts));
    }

    [Fact]
    public void Constructor_MaxBelowBase_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new RetryPolicy(TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(1), 3));
    }

    private static RetryPolicy CreateSut(Func<double>? random = null) =>
        new(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(30), 5, random ?? (() => 0.5));
}
