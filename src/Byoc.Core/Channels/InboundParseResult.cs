using Byoc.Core.Messages;

namespace Byoc.Core.Channels;

/// <summary>The outcome of verifying and parsing one platform request.</summary>
public sealed record InboundParseResult
{
    private InboundParseResult(InboundParseStatus status, IReadOnlyList<InboundMessage> messages, string? error)
    {
        Status = status;
        Messages = messages;
        Error = error;
    }

    /// <summary>Whether the request was accepted.</summary>
    public InboundParseStatus Status { get; }

    /// <summary>The canonical messages the request carried (zero or more).</summary>
    public IReadOnlyList<InboundMessage> Messages { get; }

    /// <summary>Why the request was refused; safe to return to the caller (never contains secrets).</summary>
    public string? Error { get; }

    /// <summary>The request was authentic and well-formed.</summary>
    public static InboundParseResult Accepted(IReadOnlyList<InboundMessage> messages) => new(InboundParseStatus.Accepted, messages, null);

    /// <summary>The signature or timestamp check failed.</summary>
    public static InboundParseResult Unauthenticated(string error) => new(InboundParseStatus.Unauthenticated, [], error);

    /// <summary>The request was authentic but its body could not be understood.</summary>
    public static InboundParseResult Malformed(string error) => new(InboundParseStatus.Malformed, [], error);
}
