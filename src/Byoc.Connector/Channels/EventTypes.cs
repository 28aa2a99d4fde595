using Byoc.Core.Messages;

namespace Byoc.Connector.Channels;

/// <summary>
/// The <c>type</c> names of the JSON events that the web chat page and generic webhook platforms exchange with the
/// connector: one table, so the two channels cannot drift apart (docs/webhook-channel.md, docs/webchat-channel.md).
/// </summary>
internal static class EventTypes
{
    /// <summary>The inbound kind an event's <c>type</c> names; null for a name neither channel knows.</summary>
    public static InboundKind? Inbound(string? type) => type switch
    {
        "message" => InboundKind.Text,
        "attachment" => InboundKind.Attachment,
        "typing.started" => InboundKind.TypingStarted,
        "typing.stopped" => InboundKind.TypingStopped,
        "choice" => InboundKind.ChoiceResponse,
        "status" => InboundKind.Status,
        _ => null,
    };

    /// <summary>The <c>type</c> an outbound message goes out as.</summary>
    public static string Outbound(OutboundKind kind) => kind switch
    {
        OutboundKind.Text or OutboundKind.Attachment => "message",
        OutboundKind.Choices => "choices",
        OutboundKind.TypingStarted => "typing.started",
        OutboundKind.TypingStopped => "typing.stopped",
        OutboundKind.ParticipantChanged => "participant",
        OutboundKind.Notice => "notice",
        _ => "progress",
    };
}
