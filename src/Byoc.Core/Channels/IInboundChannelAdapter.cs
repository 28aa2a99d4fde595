namespace Byoc.Core.Channels;

/// <summary>
/// The inbound half of a platform. The front door (<c>/channels/{channel}</c>) answers 404 for an unknown channel,
/// applies <see cref="Limits"/>, reads the body once and calls <see cref="ReceiveAsync"/>; the adapter verifies the
/// platform's signature on the raw request, parses it into canonical messages (mapping the platform's statuses,
/// button taps and files), and says what the door should do: ingest them and answer, answer without ingesting (a
/// verification handshake), or refuse. The door stores what the adapter returns in the inbox before it answers, so an
/// answer of 2xx always means "stored".
/// </summary>
public interface IInboundChannelAdapter
{
    /// <summary>The body size and media types the door accepts for this channel.</summary>
    InboundLimits Limits { get; }

    /// <summary>
    /// Verifies and understands one request. Never throws for bad input: returns <see cref="InboundResult.Refuse(InboundRefusalKind, string, string)"/> (or
    /// one of its shorthands) with a reason safe to show the caller. Platform work that needs I/O before the messages
    /// are complete (downloading a file, matching a typed answer to offered choices, a duplicate check) goes through
    /// <paramref name="context"/>.
    /// </summary>
    Task<InboundResult> ReceiveAsync(InboundRequest request, IInboundContext context, CancellationToken cancellationToken);
}
