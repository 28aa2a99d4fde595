using System.Threading.Channels;

namespace Byoc.Connector.Channels.WebChat;

/// <summary>
/// One open event stream of a visitor. Wakes coalesce (one pending at most: the stream re-reads the log from its last
/// sequence anyway); live-only events queue up to a bound and are dropped beyond it, as they are stale by then.
/// </summary>
internal sealed class WebChatSubscription : IDisposable
{
    private const int MaxQueuedLiveEvents = 64;

    private readonly Channel<WebChatSignal> _queue = System.Threading.Channels.Channel.CreateUnbounded<WebChatSignal>(new() { SingleReader = true });
    private readonly ITimer _heartbeat;
    private readonly Action<WebChatSubscription> _onDispose;
    private int _wakePending;
    private int _liveQueued;

    public WebChatSubscription(string channel, string visitorId, TimeSpan heartbeatInterval, TimeProvider timeProvider,
        Action<WebChatSubscription> onDispose)
    {
        Channel = channel;
        VisitorId = visitorId;
        _onDispose = onDispose;
        _heartbeat = timeProvider.CreateTimer(_ => _queue.Writer.TryWrite(WebChatSignal.Heartbeat), null, heartbeatInterval, heartbeatInterval);
    }

    public string Channel { get; }

    public string VisitorId { get; }

    /// <summary>New log entries exist.</summary>
    public void Wake()
    {
        if (Interlocked.Exchange(ref _wakePending, 1) == 0)
        {
            _queue.Writer.TryWrite(WebChatSignal.Wake);
        }
    }

    /// <summary>Queues a live-only event.</summary>
    public void Push(string liveEvent)
    {
        if (Interlocked.Increment(ref _liveQueued) <= MaxQueuedLiveEvents)
        {
            _queue.Writer.TryWrite(new WebChatSignal(liveEvent, false));
        }
        else
        {
            Interlocked.Decrement(ref _liveQueued);
        }
    }

    /// <summary>Waits for the next signal. A returned wake is consumed: later appends wake the stream again.</summary>
    public async ValueTask<WebChatSignal> ReadAsync(CancellationToken cancellationToken)
    {
        var signal = await _queue.Reader.ReadAsync(cancellationToken);
        if (signal.LiveEvent is not null)
        {
            Interlocked.Decrement(ref _liveQueued);
        }
        else if (!signal.IsHeartbeat)
        {
            Interlocked.Exchange(ref _wakePending, 0);
        }

        return signal;
    }

    public void Dispose()
    {
        _heartbeat.Dispose();
        _queue.Writer.TryComplete();
        _onDispose(this);
    }
}
