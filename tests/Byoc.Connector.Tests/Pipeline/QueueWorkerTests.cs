using System.Collections.Concurrent;
using System.Threading.Channels;
using Byoc.Connector.Pipeline;
using Byoc.Core.Delivery;
using Byoc.Core.Storage;
using Byoc.Storage.Sqlite;
using Byoc.TestUtilities;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Byoc.Connector.Tests.Pipeline;

public sealed class QueueWorkerTests : IDisposable
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 5, 1, 0, 0, 0, TimeSpan.Zero));
    private readonly string _directory = Directory.CreateTempSubdirectory("byoc-worker-").FullName;
    private readonly SqliteDatabase _database;
    private readonly SqliteInboxStore _inbox;
    private readonly SqliteDeadLetterStore _deadLetters;
    private readonly WorkSignal _signal = new();

    public QueueWorkerTests()
    {
        _database = new SqliteDatabase(Path.Combine(_directory, "c.db"));
        _inbox = new SqliteInboxStore(_database, _time);
        _deadLetters = new SqliteDeadLetterStore(_database, _time);
    }

    [Fact]
    public async Task RunOnceAsync_RetryableFailure_WaitsForBackoffOnTheFakeClock()
    {
        var ct = TestContext.Current.CancellationToken;
        using var sut = CreateSut(DeliveryOutcome.Retryable("busy"), DeliveryOutcome.Succeeded);
        await _inbox.TryAddAsync(new NewQueueItem("web", "m1", "c", "{}"), ct);

        Assert.Equal(1, await sut.RunOnceAsync(ct));
        Assert.Equal(0, await sut.RunOnceAsync(ct));
        _time.Advance(TimeSpan.FromMilliseconds(749));
        Assert.Equal(0, await sut.RunOnceAsync(ct));
        _time.Advance(TimeSpan.FromMilliseconds(1));
        Assert.Equal(1, await sut.RunOnceAsync(ct));

        Assert.Equal(0, await _inbox.CountPendingAsync(ct));
        Assert.Equal(2, sut.Calls);
    }

    [Fact]
    public async Task RunOnceAsync_RetryAfterLongerThanBackoff_WaitsForTheReceiversHint()
    {
        var ct = TestContext.Current.CancellationToken;
        using var sut = CreateSut(DeliveryOutcome.Retryable("429", TimeSpan.FromSeconds(3)), DeliveryOutcome.Succeeded);
        await _inbox.TryAddAsync(new NewQueueItem("web", "m1", "c", "{}"), ct);

        Assert.Equal(1, await sut.RunOnceAsync(ct));
        _time.Advance(TimeSpan.FromMilliseconds(2999));
        Assert.Equal(0, await sut.RunOnceAsync(ct));
        _time.Advance(TimeSpan.FromMilliseconds(1));
        Assert.Equal(1, await sut.RunOnceAsync(ct));

        Assert.Equal(0, await _inbox.CountPendingAsync(ct));
    }

    [Fact]
    public async Task RunOnceAsync_BackoffGrowsAndCapsThenDeadLetters()
    {
        var ct = TestContext.Current.CancellationToken;
        using var sut = CreateSut(DeliveryOutcome.Retryable("busy"));
        await _inbox.TryAddAsync(new NewQueueItem("web", "m1", "c", "{}"), ct);

        await sut.RunOnceAsync(ct);
        // Equal jitter at 0.5: three quarters of min(1 s · 2^(n-1), 4 s).
        foreach (var delay in new[] { 750, 1500, 3000, 3000 })
        {
            _time.Advance(TimeSpan.FromMilliseconds(delay - 1));
            Assert.Equal(0, await sut.RunOnceAsync(ct));
            _time.Advance(TimeSpan.FromMilliseconds(1));
            Assert.Equal(1, await sut.RunOnceAsync(ct));
        }

        var dead = Assert.Single(await _deadLetters.ListAsync(10, ct));
        Assert.Equal(("attempts-exhausted", "busy", 5), (dead.Reason, dead.LastError, dead.Attempts));
        Assert.Equal(1, sut.DeadLettered);
    }

    [Fact]
    public async Task RunOnceAsync_PermanentFailure_DeadLettersAtOnceAndUnblocksTheConversation()
    {
        var ct = TestContext.Current.CancellationToken;
        using var sut = CreateSut(DeliveryOutcome.Permanent("HTTP 400"), DeliveryOutcome.Succeeded);
        await _inbox.TryAddAsync(new NewQueueItem("web", "m1", "c", "{}"), ct);
        await _inbox.TryAddAsync(new NewQueueItem("web", "m2", "c", "{}"), ct);

        Assert.Equal(1, await sut.RunOnceAsync(ct));
        Assert.Equal(1, await sut.RunOnceAsync(ct));

        Assert.Equal("permanent", Assert.Single(await _deadLetters.ListAsync(10, ct)).Reason);
        Assert.Equal(0, await _inbox.CountPendingAsync(ct));
    }

    [Fact]
    public async Task RunOnceAsync_ProcessorThrows_TreatedAsRetryableAndWorkerSurvives()
    {
        var ct = TestContext.Current.CancellationToken;
        using var sut = CreateSut(null, DeliveryOutcome.Succeeded);
        await _inbox.TryAddAsync(new NewQueueItem("web", "m1", "c", "{}"), ct);

        Assert.Equal(1, await sut.RunOnceAsync(ct));
        _time.Advance(TimeSpan.FromSeconds(2));
        Assert.Equal(1, await sut.RunOnceAsync(ct));

        Assert.Equal(0, await _inbox.CountPendingAsync(ct));
    }

    [Fact]
    public async Task ExecuteAsync_Signalled_ProcessesWithoutWaitingForThePoll()
    {
        var ct = TestContext.Current.CancellationToken;
        using var sut = CreateSut(DeliveryOutcome.Succeeded);
        await sut.StartAsync(ct);

        await _inbox.TryAddAsync(new NewQueueItem("web", "m1", "c", "{}"), ct);
        _signal.Notify();

        await WaitFor.ConditionAsync(() => sut.Calls == 1);
        await sut.StopAsync(ct);
    }

    [Fact]
    public async Task SettleAsync_RowsDue_CompletesAfterTheyAreHandledWithoutWaitingForThePoll()
    {
        var ct = TestContext.Current.CancellationToken;
        using var sut = CreateSut(DeliveryOutcome.Succeeded);
        await sut.StartAsync(ct);
        await _inbox.TryAddAsync(new NewQueueItem("web", "m1", "c", "{}"), ct);
        await _inbox.TryAddAsync(new NewQueueItem("web", "m2", "d", "{}"), ct);

        // No Notify and an hour's poll on a clock that does not move: only the settle request can wake the worker.
        var worked = await sut.SettleAsync(ct).WaitAsync(WaitFor.DefaultTimeout, ct);

        Assert.True(worked);
        Assert.Equal(2, sut.Calls);
        Assert.Equal(0, await _inbox.CountPendingAsync(ct));
        Assert.False(await sut.SettleAsync(ct).WaitAsync(WaitFor.DefaultTimeout, ct));
        await sut.StopAsync(ct);
    }

    [Fact]
    public async Task SettleAsync_RetryScheduledForLater_CompletesWithoutWaitingForIt()
    {
        var ct = TestContext.Current.CancellationToken;
        using var sut = CreateSut(DeliveryOutcome.Retryable("busy"), DeliveryOutcome.Succeeded);
        await sut.StartAsync(ct);
        await _inbox.TryAddAsync(new NewQueueItem("web", "m1", "c", "{}"), ct);

        Assert.True(await sut.SettleAsync(ct).WaitAsync(WaitFor.DefaultTimeout, ct));

        Assert.Equal(1, sut.Calls);
        Assert.Equal(1, await _inbox.CountPendingAsync(ct));
        await sut.StopAsync(ct);
    }

    [Fact]
    public async Task SettleAsync_WorkerStops_RequestIsCancelled()
    {
        var ct = TestContext.Current.CancellationToken;
        var never = new TaskCompletionSource();
        using var blocking = new BlockingWorker(_inbox, _signal, _time, never.Task);
        await blocking.StartAsync(ct);
        await _inbox.TryAddAsync(new NewQueueItem("web", "m1", "c", "{}"), ct);
        var settle = blocking.SettleAsync(ct);
        await blocking.Started.WaitAsync(WaitFor.DefaultTimeout, ct);

        await blocking.StopAsync(ct);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => settle.WaitAsync(WaitFor.DefaultTimeout, ct));
    }

    [Fact]
    public async Task ExecuteAsync_RetryDueBeforeThePoll_WakesWhenItIsDue()
    {
        var ct = TestContext.Current.CancellationToken;
        var time = new TimerWatchingTimeProvider(_time);
        using var sut = new ScriptedWorker(_inbox, _signal, time, [DeliveryOutcome.Retryable("busy"), DeliveryOutcome.Succeeded], TimeSpan.FromSeconds(1))
        {
            // Equal jitter at 0: half of the 400 ms base, so the retry is due 200 ms after the failure.
            Policy = new RetryPolicy(TimeSpan.FromMilliseconds(400), TimeSpan.FromSeconds(4), 5, () => 0),
        };
        await sut.StartAsync(ct);
        Assert.Equal(TimeSpan.FromSeconds(1), await time.NextTimerAsync(ct));

        await _inbox.TryAddAsync(new NewQueueItem("web", "m1", "c", "{}"), ct);
        _signal.Notify();

        Assert.Equal(TimeSpan.FromMilliseconds(200), await time.NextTimerAsync(ct));
        _time.Advance(TimeSpan.FromMilliseconds(200));
        // The row is completed after the second call returns: wait for that, not only for the call.
        await WaitFor.ConditionAsync(async () => await _inbox.CountPendingAsync(ct) == 0);
        await sut.StopAsync(ct);

        Assert.Equal(TimeSpan.FromMilliseconds(200), sut.CalledAt[1] - sut.CalledAt[0]);
        Assert.Equal(2, sut.Calls);
    }

    [Fact]
    public async Task ExecuteAsync_TwoRetriesDueAtDifferentTimes_WakesForEach()
    {
        var ct = TestContext.Current.CancellationToken;
        var time = new TimerWatchingTimeProvider(_time);
        var start = _time.GetUtcNow();
        using var sut = new ScriptedWorker(_inbox, _signal, time,
            [DeliveryOutcome.Retryable("busy"), DeliveryOutcome.Retryable("busy"), DeliveryOutcome.Succeeded], TimeSpan.FromSeconds(1))
        {
            Policy = new RetryPolicy(TimeSpan.FromMilliseconds(400), TimeSpan.FromSeconds(4), 5, () => 0),
        };
        await sut.StartAsync(ct);
        Assert.Equal(TimeSpan.FromSeconds(1), await time.NextTimerAsync(ct));
        await _inbox.TryAddAsync(new NewQueueItem("web", "a1", "a", "{}"), ct);
        _signal.Notify();
        Assert.Equal(TimeSpan.FromMilliseconds(200), await time.NextTimerAsync(ct));

        _time.Advance(TimeSpan.FromMilliseconds(100));
        await _inbox.TryAddAsync(new NewQueueItem("web", "b1", "b", "{}"), ct);
        _signal.Notify();
        Assert.Equal(TimeSpan.FromMilliseconds(100), await time.NextTimerAsync(ct));
        _time.Advance(TimeSpan.FromMilliseconds(100));
        Assert.Equal(TimeSpan.FromMilliseconds(100), await time.NextTimerAsync(ct));
        _time.Advance(TimeSpan.FromMilliseconds(100));
        await WaitFor.ConditionAsync(async () => await _inbox.CountPendingAsync(ct) == 0);
        await sut.StopAsync(ct);

        Assert.Equal([0, 100, 200, 300], sut.CalledAt.Select(at => (at - start).TotalMilliseconds));
        Assert.Equal(4, sut.Calls);
    }

    public void Dispose()
    {
        _signal.Dispose();
        _database.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    private ScriptedWorker CreateSut(params DeliveryOutcome?[] results) =>
        new(_inbox, _signal, _time, results)
        {
            Policy = new RetryPolicy(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(4), 5, () => 0.5),
        };

    private sealed class ScriptedWorker(IWorkQueue queue, WorkSignal signal, TimeProvider time, DeliveryOutcome?[] results,
        TimeSpan? pollInterval = null)
        : QueueWorker(queue, signal, Options.Create(new DeliveryOptions { PollInterval = pollInterval ?? TimeSpan.FromHours(1) }), time,
            Diagnostics.TestMetrics.Create(), NullLogger.Instance)
    {
        private readonly ConcurrentQueue<DateTimeOffset> _calledAt = new();
        private int _calls;

        public int Calls => Volatile.Read(ref _calls);

        /// <summary>The clock at each call, in call order.</summary>
        public DateTimeOffset[] CalledAt => [.. _calledAt];

        public int DeadLettered { get; private set; }

        protected override string QueueName => "test";

        protected override Task<DeliveryOutcome> ProcessAsync(QueueItem item, CancellationToken cancellationToken)
        {
            _calledAt.Enqueue(TimeProvider.GetUtcNow());
            var n = Interlocked.Increment(ref _calls) - 1;
            return results[Math.Min(n, results.Length - 1)] is { } result
                ? Task.FromResult(result)
                : throw new InvalidOperationException("processor bug");
        }

        protected override Task OnDeadLetteredAsync(QueueItem item, string error, CancellationToken cancellationToken)
        {
            DeadLettered++;
            return Task.CompletedTask;
        }
    }

    /// <summary>Holds the first row until it is cancelled, so a round is in progress when the worker stops.</summary>
    private sealed class BlockingWorker(IWorkQueue queue, WorkSignal signal, TimeProvider time, Task release)
        : QueueWorker(queue, signal, Options.Create(new DeliveryOptions { PollInterval = TimeSpan.FromHours(1) }), time,
            Diagnostics.TestMetrics.Create(), NullLogger.Instance)
    {
        private readonly TaskCompletionSource _started = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task Started => _started.Task;

        protected override string QueueName => "test";

        protected override async Task<DeliveryOutcome> ProcessAsync(QueueItem item, CancellationToken cancellationToken)
        {
            _started.TrySetResult();
            await release.WaitAsync(cancellationToken);
            return DeliveryOutcome.Succeeded;
        }
    }

    /// <summary>The fake clock, reporting the due time of every timer created on it (the worker's idle waits).</summary>
    private sealed class TimerWatchingTimeProvider(FakeTimeProvider inner) : TimeProvider
    {
        private readonly Channel<TimeSpan> _timers = Channel.CreateUnbounded<TimeSpan>();

        public override long TimestampFrequency => inner.TimestampFrequency;

        public override DateTimeOffset GetUtcNow() => inner.GetUtcNow();

        public override long GetTimestamp() => inner.GetTimestamp();

        public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
        {
            var timer = inner.CreateTimer(callback, state, dueTime, period);
            _timers.Writer.TryWrite(dueTime);
            return timer;
        }

        public ValueTask<TimeSpan> NextTimerAsync(CancellationToken cancellationToken) => _timers.Reader.ReadAsync(cancellationToken);
    }
}
