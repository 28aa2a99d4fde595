using Byoc.Emulator.Conversations;

namespace Byoc.Emulator.Interactions;

/// <summary>
/// Runs the work that follows an accepted end-user entry (the attachment's MessageUpdated, then every registered
/// <see cref="IInboundEntryHandler"/> in registration order) off the request path, one entry at a time per conversation, in
/// the order the entries were accepted. Conversations proceed independently.
/// </summary>
internal sealed partial class InboundDispatcher(
    IEnumerable<IInboundEntryHandler> handlers, IHostApplicationLifetime lifetime, ILogger<InboundDispatcher> logger)
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, Task> _tails = new(StringComparer.Ordinal);
    private readonly IInboundEntryHandler[] _handlers = [.. handlers];

    /// <summary>Queues the entry; <paramref name="before"/> runs first in the same turn (e.g. publishing MessageUpdated).</summary>
    public void Dispatch(InboundEntry entry, Func<CancellationToken, Task>? before = null)
    {
        var key = entry.Address.ConversationIdentifier;
        lock (_lock)
        {
            var previous = _tails.GetValueOrDefault(key, Task.CompletedTask);
            var next = RunAfterAsync(previous, entry, before);
            _tails[key] = next;
            _ = next.ContinueWith(_ => Forget(key, next), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        }
    }

    /// <summary>Completes when every entry queued so far has been handled (tests).</summary>
    public Task DrainAsync()
    {
        lock (_lock)
        {
            return Task.WhenAll(_tails.Values);
        }
    }

    private async Task RunAfterAsync(Task previous, InboundEntry entry, Func<CancellationToken, Task>? before)
    {
        await previous;
        await Task.Yield();
        var cancellationToken = lifetime.ApplicationStopping;
        if (before is not null)
        {
            try
            {
                await before(cancellationToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                Log.HandlerFailed(logger, exception, "(upload result)", entry.EntryType, entry.EntryIdentifier);
            }
        }

        foreach (var handler in _handlers)
        {
            try
            {
                await handler.HandleAsync(entry, cancellationToken);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception)
            {
                // One failing feature must not stop the others or the conversation's later entries.
                Log.HandlerFailed(logger, exception, handler.GetType().Name, entry.EntryType, entry.EntryIdentifier);
            }
        }
    }

    private void Forget(string key, Task completed)
    {
        lock (_lock)
        {
            if (_tails.TryGetValue(key, out var tail) && tail == completed)
            {
                _tails.Remove(key);
            }
        }
    }
}
