using Byoc.Core.Messages;

namespace Byoc.Core.Channels;

/// <summary>A file stored for an inbound message, or why it was refused (<see cref="IInboundContext"/>).</summary>
/// <param name="Attachment">The stored file, to set as <c>InboundMessage.Attachment</c>.</param>
/// <param name="Refusal">Why there is no file: return it with <see cref="InboundResult.Refuse(InboundRefusal)"/> to refuse the request.</param>
public sealed record InboundFileResult(InboundAttachment? Attachment, InboundRefusal? Refusal)
{
    /// <summary>The file was stored.</summary>
    public static InboundFileResult Stored(InboundAttachment attachment) => new(attachment, null);

    /// <summary>The file was refused.</summary>
    public static InboundFileResult Refused(InboundRefusalKind kind, string detail) => new(null, new InboundRefusal(kind, "Attachment refused", detail));
}
