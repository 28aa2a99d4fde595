using System.Diagnostics;
using Byoc.Connector.Diagnostics;
using Byoc.Core.Delivery;
using Byoc.Core.Storage;
using Microsoft.Extensions.Options;

namespace Byoc.Connector.Pipeline;

/// <summary>
/// Drains one work queue: claims due rows (one per conversation, oldest first), processes them concurrently across
/// conversations, and records the outcome: done, retry with capped jittered backoff (no sooner than the receiver's
/// <c>Retry-After</c>, capped at the longest delay), or dead letter with a reason.
/// Wakes on a signal, when a retry it scheduled comes due, or every poll interval; a failing round is logged and the
/// loop goes on.
/// </summary>
internal abstract partial class QueueWorker(
    IWorkQueue queue,
    WorkSignal signal,
    IOptions<DeliveryOptions> options,
    TimeProvider timeProvider,
    ConnectorMetrics metrics,
    ILogger logger) : BackgroundService
{
    private readonly string _owner = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}";
    private readonly Lock _retriesGate = new();
    private readonly PriorityQueue<DateTimeOffset, DateTimeOffset> _retries = new();
    private readonly Lock _settleGate = new();
    private readonly List<SettleRequest> _settleRequests = [];
    private RetryPolicy? _policy;

    protected abstract string QueueName { get; }

    protected TimeProvider TimeProvider { get; } = timeProvider;

    protected ConnectorMetrics Metrics { get; } = metrics;

    /// <summary>The retry policy; tests may replace it to fix the jitter.</summary>
    internal RetryPolicy Policy
    {
        get => _policy ??= new RetryPolicy(options.Value.BaseDelay, options.Value.MaxDelay, options.Value.MaxAttempts);
        set => _policy = value;
    }

    /// <summary>Hands one row on; the outcome decides whether it is done, retried (no sooner than its retry hint) or dead-lettered.</summary>
    protected abstract Task<DeliveryOutcome> ProcessAsync(QueueItem item, CancellationToken cancellationToken);

    /// <summary>Called once when a row is dead-lettered, after the dead letter is stored.</summary>
    protected virtual Task OnDeadLetteredAsync(QueueItem item, string error, CancellationToken cancellationToken) => Task.CompletedTask;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        Log.WorkerStarted(logger, QueueName);
        while (!stoppingToken.IsCancellationRequested)
        {
            var settling = TakeSettleRequests();
            try
            {
                var processed = await RunOnceAsync(stoppingToken);
                FinishSettleRound(settling, processed);
                settling = [];
                if (processed > 0)
                {
                    continue;
                }

                await signal.WaitAsync(IdleWait(), TimeProvider, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex)
            {
                Log.RoundFailed(logger, QueueName, ex);
                try
                {
                    await Task.Delay(options.Value.PollInterval, TimeProvider, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    break;
                }
            }
            finally
            {
                // A round that failed or was cut short settles nothing: its requests wait for the next one.
                KeepSettleRequests(settling, worked: false);
            }
        }

        CancelSettleRequests();

        // Items cancelled by the shutdown keep their lease otherwise, and their conversations wait for it to run out
        // after a restart.
        try
        {
            await queue.ReleaseAllAsync(_owner, CancellationToken.None);
        }
        catch (Exception ex)
        {
            Log.RoundFailed(logger, QueueName, ex);
        }

        Log.WorkerStopped(logger, QueueName);
    }

    /// <summary>Claims and processes one batch; returns how many rows it handled.</summary>
    internal async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var items = await queue.ClaimAsync(_owner, settings.BatchSize, settings.Lease, cancellationToken);
        await Task.WhenAll(items.Select(item => HandleAsync(item, cancellationToken)));
        return items.Count;
    }

    /// <summary>
    /// Completes once a round that began after this call claimed nothing, so every row that was due has been handled
    /// and nothing is left to claim now (a retry scheduled for later does not count). The result says whether any row
    /// was handled in between. Wakes the worker rather than waiting for its poll.
    /// </summary>
    internal Task<bool> SettleAsync(CancellationToken cancellationToken)
    {
        var request = new SettleRequest();
        lock (_settleGate)
        {
            _settleRequests.Add(request);
        }

        signal.Notify();
        return request.Completion.Task.WaitAsync(cancellationToken);
    }

    private SettleRequest[] TakeSettleRequests()
    {
        lock (_settleGate)
        {
            var taken = _settleRequests.ToArray();
            _settleRequests.Clear();
            return taken;
        }
    }

    /// <summary>
    /// A round that claimed nothing settles the requests made before it began; one that handled rows keeps them for the
    /// next round and marks every waiting request as having seen work.
    /// </summary>
    private void FinishSettleRound(SettleRequest[] settling, int processed)
    {
        if (processed > 0)
        {
            KeepSettleRequests(settling, worked: true);
            return;
        }

        foreach (var request in settling)
        {
            request.Completion.TrySetResult(request.Worked);
        }
    }

    private void KeepSettleRequests(SettleRequest[] settling, bool worked)
    {
        if (settling.Length == 0 && !worked)
        {
            return;
        }

        lock (_settleGate)
        {
            _settleRequests.InsertRange(0, settling);
            if (worked)
            {
                // Requests made during the round count too: the rows it handled may have been due when they were made.
                foreach (var request in _settleRequests)
                {
                    request.Worked = true;
                }
            }
        }
    }

    private void CancelSettleRequests()
    {
        foreach (var request in TakeSettleRequests())
        {
            request.Completion.TrySetCanceled();
        }
    }

    /// <summary>
    /// How long to sleep when nothing could be claimed: until the earliest retry this worker scheduled, at most the poll
    /// interval. Retries scheduled by another instance or before a restart are found by the poll.
    /// </summary>
    private TimeSpan IdleWait()
    {
        var now = TimeProvider.GetUtcNow();
        lock (_retriesGate)
        {
            var cameDue = false;
            while (_retries.TryPeek(out var due, out _) && due <= now)
            {
                _retries.Dequeue();
                cameDue = true;
            }

            if (cameDue)
            {
                // Due since the last claim looked: one more round at once (dropped, so this cannot spin).
                return TimeSpan.Zero;
            }

            var poll = options.Value.PollInterval;
            return _retries.TryPeek(out var next, out _) && next - now < poll ? next - now : poll;
        }
    }

    private void RememberRetry(DateTimeOffset due)
    {
        lock (_retriesGate)
        {
            _retries.Enqueue(due, due);
        }
    }

    private async Task HandleAsync(QueueItem item, CancellationToken cancellationToken)
    {
        using var activity = ConnectorActivities.StartDelivery(QueueName, item.TraceParent);
        activity?.SetTag("byoc.queue", QueueName);
        activity?.SetTag("byoc.attempt", item.Attempts + 1);
        var started = TimeProvider.GetTimestamp();
        DeliveryOutcome result;
        try
        {
            result = await ProcessAsync(item, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            Log.ItemFailed(logger, QueueName, item.Id, ex);
            result = DeliveryOutcome.Retryable($"{ex.GetType().Name}: {ex.Message}");
        }

        var (label, tag) = result.Kind switch
        {
            DeliveryOutcomeKind.Succeeded => ("done", "Done"),
            DeliveryOutcomeKind.Retryable => ("retry", "Retry"),
            _ => ("permanent", "Permanent"),
        };
        Metrics.Delivered(QueueName, label, TimeProvider.GetElapsedTime(started));
        activity?.SetTag("byoc.outcome", tag);
        if (!result.IsSuccess)
        {
            activity?.SetStatus(ActivityStatusCode.Error, result.Error);
        }

        switch (result.Kind)
        {
            case DeliveryOutcomeKind.Succeeded:
                await queue.CompleteAsync(item.Id, _owner, cancellationToken);
                break;
            case DeliveryOutcomeKind.Retryable when Policy.ShouldRetry(item.Attempts + 1):
                var next = Policy.NextAttemptAt(item.Attempts + 1, TimeProvider, result.RetryAfter);
                Log.ItemRetrying(logger, QueueName, item.Id, item.Attempts + 1, next, result.Error);
                Metrics.Retry(QueueName);
                if (await queue.RetryLaterAsync(item.Id, _owner, next, result.Error ?? "unknown", cancellationToken))
                {
                    RememberRetry(next);
                }

                break;
            default:
                var reason = result.Kind == DeliveryOutcomeKind.Retryable ? "attempts-exhausted" : "permanent";
                Log.ItemDeadLettered(logger, QueueName, item.Id, reason, result.Error);
                if (await queue.DeadLetterAsync(item.Id, _owner, reason, result.Error ?? "unknown", cancellationToken))
                {
                    Metrics.DeadLettered(QueueName, reason);
                    await OnDeadLetteredAsync(item, result.Error ?? "unknown", cancellationToken);
                }

                break;
        }
    }

    private sealed class SettleRequest
    {
        public TaskCompletionSource<bool> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public bool Worked { get; set; }
    }
}
