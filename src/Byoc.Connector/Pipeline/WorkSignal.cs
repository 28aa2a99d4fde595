namespace Byoc.Connector.Pipeline;

/// <summary>
/// Wakes a worker as soon as new work is stored, instead of waiting for its next poll. Notifications while one is pending
/// cost an interlocked read and nothing else: one wake-up covers any number of them (no <see cref="SemaphoreFullException"/>
/// as control flow, issue 23 item 6).
/// </summary>
internal sealed class WorkSignal : IDisposable
{
    private readonly SemaphoreSlim _semaphore = new(0, 1);
    private int _pending;

    public void Notify()
    {
        if (Interlocked.CompareExchange(ref _pending, 1, 0) == 0)
        {
            _semaphore.Release();
        }
    }

    public Task<bool> WaitAsync(TimeSpan timeout, TimeProvider timeProvider, CancellationToken cancellationToken) =>
        WaitCoreAsync(timeout, timeProvider, cancellationToken);

    public void Dispose() => _semaphore.Dispose();

    private async Task<bool> WaitCoreAsync(TimeSpan timeout, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        using var timeoutCts = new CancellationTokenSource(timeout, timeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeoutCts.Token);
        try
        {
            await _semaphore.WaitAsync(linked.Token);
            // Cleared before the worker looks for work, so a notification from now on wakes it again and none is lost.
            Volatile.Write(ref _pending, 0);
            return true;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }
}
