namespace Byoc.Connector.Pipeline;

/// <summary>Wakes a worker as soon as new work is stored, instead of waiting for its next poll.</summary>
internal sealed class WorkSignal : IDisposable
{
    private readonly SemaphoreSlim _semaphore = new(0, 1);

    public void Notify()
    {
        try
        {
            _semaphore.Release();
        }
        catch (SemaphoreFullException)
        {
            // Already signalled; one wake-up covers any number of notifications.
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
            return true;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }
}
