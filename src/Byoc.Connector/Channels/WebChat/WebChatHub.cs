using Byoc.Core.Storage;

namespace Byoc.Connector.Channels.WebChat;

/// <summary>
/// Appends to the visitors' chat logs and wakes their open event streams. Streams read the log themselves from their
/// last sequence, so a wake can never reorder, lose or repeat an entry; live-only events go straight to open streams.
/// </summary>
internal sealed class WebChatHub(IChatLogStore log, TimeProvider timeProvider)
{
    private readonly Lock _lock = new();
    private readonly Dictionary<(string Channel, string Visitor), List<WebChatSubscription>> _subscriptions = [];

    public IChatLogStore Log => log;

    /// <summary>Stores a log event (idempotent on its key) and wakes the visitor's streams once it is committed.</summary>
    public async Task<ChatLogAppend> AppendAsync(string channel, string visitorId, WebChatEvent e, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(e);
        var appended = await log.AppendAsync(channel, visitorId, e.Id!, WebChatEvents.Serialize(e), cancellationToken);
        foreach (var subscription in Snapshot(channel, visitorId))
        {
            subscription.Wake();
        }

        return appended;
    }

    /// <summary>Shows a live-only event (typing, progress) on the visitor's open streams; nothing is stored.</summary>
    public int PublishLive(string channel, string visitorId, WebChatEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        var json = WebChatEvents.Serialize(e);
        var subscriptions = Snapshot(channel, visitorId);
        foreach (var subscription in subscriptions)
        {
            subscription.Push(json);
        }

        return subscriptions.Length;
    }

    /// <summary>Registers an event stream; dispose it when the stream ends.</summary>
    public WebChatSubscription Subscribe(string channel, string visitorId, TimeSpan heartbeatInterval)
    {
        var subscription = new WebChatSubscription(channel, visitorId, heartbeatInterval, timeProvider, Unsubscribe);
        lock (_lock)
        {
            var key = (channel, visitorId);
            if (!_subscriptions.TryGetValue(key, out var list))
            {
                _subscriptions[key] = list = [];
            }

            list.Add(subscription);
        }

        return subscription;
    }

    /// <summary>How many streams are open for the visitor.</summary>
    public int CountSubscriptions(string channel, string visitorId) => Snapshot(channel, visitorId).Length;

    private WebChatSubscription[] Snapshot(string channel, string visitorId)
    {
        lock (_lock)
        {
            return _subscriptions.TryGetValue((channel, visitorId), out var list) ? [.. list] : [];
        }
    }

    private void Unsubscribe(WebChatSubscription subscription)
    {
        lock (_lock)
        {
            var key = (subscription.Channel, subscription.VisitorId);
            if (_subscriptions.TryGetValue(key, out var list) && list.Remove(subscription) && list.Count == 0)
            {
                _subscriptions.Remove(key);
            }
        }
    }
}
