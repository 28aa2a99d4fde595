namespace Byoc.Connector.Channels.WebChat;

/// <summary>What wakes an event stream: new log entries (<see cref="Wake"/>), a keep-alive tick, or a live-only event.</summary>
/// <param name="LiveEvent">The serialized live-only event, when there is one.</param>
/// <param name="IsHeartbeat">True for the keep-alive tick.</param>
internal readonly record struct WebChatSignal(string? LiveEvent, bool IsHeartbeat)
{
    public static WebChatSignal Wake { get; } = new(null, false);

    public static WebChatSignal Heartbeat { get; } = new(null, true);
}
