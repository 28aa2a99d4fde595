using Byoc.Connector.Pipeline;
using Microsoft.Extensions.Time.Testing;

namespace Byoc.Connector.Tests.Pipeline;

public sealed class WorkSignalTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Notify_ManyConcurrentWhilePending_ThrowsNothingAndWakesTheWaiterOnce()
    {
        using var signal = new WorkSignal();
        var thrown = 0;
        void Count(object? sender, System.Runtime.ExceptionServices.FirstChanceExceptionEventArgs e)
        {
            if (e.Exception is SemaphoreFullException)
            {
                Interlocked.Increment(ref thrown);
            }
        }

        AppDomain.CurrentDomain.FirstChanceException += Count;
        try
        {
            await Parallel.ForAsync(0, 10_000, Ct, (_, _) =>
            {
                signal.Notify();
                return ValueTask.CompletedTask;
            });
        }
        finally
        {
            AppDomain.CurrentDomain.FirstChanceException -= Count;
        }

        Assert.Equal(0, thrown);
        Assert.True(await signal.WaitAsync(TimeSpan.FromSeconds(10), TimeProvider.System, Ct));
        var time = new FakeTimeProvider();
        var second = signal.WaitAsync(TimeSpan.FromSeconds(1), time, Ct);
        Assert.False(second.IsCompleted);
        time.Advance(TimeSpan.FromSeconds(1));
        Assert.False(await second.WaitAsync(TimeSpan.FromSeconds(10), Ct));
    }

    [Fact]
    public async Task Notify_AfterAWakeUp_WakesTheNextWait()
    {
        using var signal = new WorkSignal();

        for (var i = 0; i < 100; i++)
        {
            var wait = signal.WaitAsync(TimeSpan.FromSeconds(10), TimeProvider.System, Ct);
            signal.Notify();
            Assert.True(await wait.WaitAsync(TimeSpan.FromSeconds(10), Ct), $"wake-up {i} was lost");
        }
    }
}
