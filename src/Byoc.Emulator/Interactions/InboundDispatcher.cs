using Byoc.Emulator.Conversations;
using Byoc.Emulator.Org.Records;

namespace Byoc.Emulator.Interactions;

/// <summary>
/// Runs the work that follows an accepted end-user entry (the attachment's MessageUpdated, then every registered
/// <see cref="IInboundEntryHandler"/> in registration order) off the request path, one entry at a time per conversation, in
/// the order the entries were accepted. Conversations proceed independently. An entry dispatched with a pending mark
/// (<see cref="PendingEntries"/>) survives a crash: the mark is deleted only once its handlers finished, and the marks
/// left by the previous run are queued again at start-up.
/// </summary>
internal sealed partial class InboundDispatcher(
    IEnumerable<IInboundEntryHandler> handlers, OrgStore store, IHostApplicationLifetime lifetime, ILogger<InboundDispatcher> logger)
    : IHostedService
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, Task> _tails = new(StringComparer.Ordinal);
    private readonly IInboundEntryHandler[] _handlers = [.. handlers];

    /// <summary>
    /// Queues the entry; <paramref name="before"/> runs first in the same turn (e.g. publishing MessageUpdated). A
    /// <paramref name="pendingId"/> (the entry's pending mark) is deleted when the handlers finished, not when the org stops.
    /// </summary>
    public void Dispatch(InboundEntry entry, string? pendingId = null, Func<CancellationToken, Task>? before = null) =>
        Enqueue(entry, pendingId, before, Task.CompletedTask);

    /// <summary>Completes when every entry queued so far has been handled (tests).</summary>
    public Task DrainAsync()
    {
        lock (_lock)
        {
            return Task.WhenAll(_tails.Values);
        }
    }

    /// <summary>
    /// Queues again the entries the previous run accepted but did not finish, in acceptance order, before the server
    /// listens: a new entry of the same conversation then queues behind them. Their handlers wait until the application
    /// has started, so that every handler's dependencies run. A mark whose answer was already published is deleted
    /// instead: no second answer.
    /// </summary>
    public Task StartAsync(CancellationToken cancellationToken)
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lifetime.ApplicationStarted.Register(() => started.TrySetResult());
        lifetime.ApplicationStopping.Register(() => started.TrySetResult()); // the turns then see the stop and keep their marks
        foreach (var mark in PendingEntries.Left(store))
        {
            var entry = PendingEntries.ToEntry(mark);
            if (mark.GetBoolean("Answered"))
            {
                Log.AlreadyAnswered(logger, entry.EntryType, entry.EntryIdentifier);
                PendingEntries.Clear(store, mark.Id);
                continue;
            }

            Log.Recovered(logger, entry.EntryType, entry.EntryIdentifier, entry.Address.ConversationIdentifier);
            Enqueue(entry, mark.Id, before: null, started.Task);
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private void Enqueue(InboundEntry entry, string? pendingId, Func<CancellationToken, Task>? before, Task first)
    {
        var key = entry.Address.ConversationIdentifier;
        lock (_lock)
        {
            var previous = _tails.GetValueOrDefault(key, first);
            var next = RunAfterAsync(previous, entry, pendingId, before);
            _tails[key] = next;
            _ = next.ContinueWith(_ => Forget(key, next), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        }
    }

    private async Task RunAfterAsync(Task previous, InboundEntry entry, string? pendingId, Func<CancellationToken, Task>? before)
    {
        await previous;
        await Task.Yield();
        var cancellationToken = lifetime.ApplicationStopping;
        if (cancellationToken.IsCancellationRequested)
        {
            return; // stopping: the mark stays for the next run
        }

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

        // From here on, a message this flow publishes is this entry's answer (see PendingEntries.MarkAnswered).
        PendingEntries.Current = pendingId;
        foreach (var handler in _handlers)
        {
            try
            {
                await handler.HandleAsync(entry, cancellationToken);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return; // the mark stays: the next run handles the entry again
            }
            catch (Exception exception)
            {
                // One failing feature must not stop the others or the conversation's later entries.
                Log.HandlerFailed(logger, exception, handler.GetType().Name, entry.EntryType, entry.EntryIdentifier);
            }
        }

        if (pendingId is not null)
        {
            PendingEntries.Current = null;
            PendingEntries.Clear(store, pendingId);
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
