using System.Collections.Concurrent;
using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using System.Threading.Channels;
using Byoc.Emulator.Org.Records;

namespace Byoc.Emulator.Console;

/// <summary>
/// Turns <see cref="OrgStore.Changed"/> into server-sent events for the console: each commit touching routing or
/// transcript records becomes one <c>change</c> event naming the objects and sessions. The store raises Changed
/// synchronously, so this only enqueues (bounded; the oldest change is dropped for a slow page).
/// </summary>
internal sealed class RepConsoleEvents : IDisposable
{
    private static readonly HashSet<string> s_watched = new(StringComparer.OrdinalIgnoreCase)
    {
        "PendingServiceRouting", "AgentWork", "MessagingSession", "ConversationEntry", "UserServicePresence",
    };

    private readonly OrgStore _store;
    private readonly IHostApplicationLifetime _lifetime;
    private readonly ConcurrentDictionary<Channel<ConsoleChange>, byte> _subscribers = new();

    public RepConsoleEvents(OrgStore store, IHostApplicationLifetime lifetime)
    {
        _store = store;
        _lifetime = lifetime;
        _store.Changed += OnChanged;
    }

    /// <summary>The stream of one page; it ends when the page goes away or the host stops (so shutdown never waits for it).</summary>
    public async IAsyncEnumerable<SseItem<ConsoleChange>> StreamAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var channel = Channel.CreateBounded<ConsoleChange>(new BoundedChannelOptions(256) { FullMode = BoundedChannelFullMode.DropOldest });
        _subscribers[channel] = 0;
        using var stopping = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _lifetime.ApplicationStopping);
        try
        {
            yield return new SseItem<ConsoleChange>(new ConsoleChange([], []), "ready");
            await foreach (var change in ReadUntilStoppedAsync(channel, stopping.Token))
            {
                yield return new SseItem<ConsoleChange>(change, "change");
            }
        }
        finally
        {
            _subscribers.TryRemove(channel, out _);
        }
    }

    public void Dispose() => _store.Changed -= OnChanged;

    private static async IAsyncEnumerable<ConsoleChange> ReadUntilStoppedAsync(
        Channel<ConsoleChange> channel, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        while (true)
        {
            try
            {
                if (!await channel.Reader.WaitToReadAsync(cancellationToken))
                {
                    yield break;
                }
            }
            catch (OperationCanceledException)
            {
                yield break;
            }

            while (channel.Reader.TryRead(out var change))
            {
                yield return change;
            }
        }
    }

    private void OnChanged(IReadOnlyList<RecordChange> changes)
    {
        if (_subscribers.IsEmpty)
        {
            return;
        }

        var relevant = changes.Where(c => s_watched.Contains(c.ObjectName)).ToList();
        if (relevant.Count == 0)
        {
            return;
        }

        var change = new ConsoleChange(
            [.. relevant.Select(c => c.ObjectName).Distinct(StringComparer.OrdinalIgnoreCase)],
            [.. relevant.Select(SessionOf).OfType<string>().Distinct(StringComparer.Ordinal)]);
        foreach (var subscriber in _subscribers.Keys)
        {
            subscriber.Writer.TryWrite(change);
        }
    }

    private static string? SessionOf(RecordChange change) => change.ObjectName switch
    {
        "MessagingSession" => change.Current.Id,
        "ConversationEntry" => change.Current.GetString("ConversationId"),
        "AgentWork" or "PendingServiceRouting" => change.Current.GetString("WorkItemId"),
        _ => null,
    };
}
