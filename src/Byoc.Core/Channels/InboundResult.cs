using Byoc.Core.Messages;

namespace Byoc.Core.Channels;

/// <summary>
/// An adapter's verdict on one request: <see cref="Ingest"/> these canonical messages and answer with a reply,
/// <see cref="Answer"/> without ingesting, or <see cref="Refuse(InboundRefusal)"/>. The door does the rest: it stores, counts, runs the
/// context's after-commit steps and writes the HTTP response.
/// </summary>
public sealed record InboundResult
{
    private InboundResult(InboundResultKind kind, IReadOnlyList<InboundMessage> messages, InboundReply? reply, InboundRefusal? refusal)
    {
        Kind = kind;
        Messages = messages;
        Reply = reply;
        Refusal = refusal;
    }

    /// <summary>What the door does.</summary>
    public InboundResultKind Kind { get; }

    /// <summary>For <see cref="InboundResultKind.Ingest"/>: the messages to store, in order (zero or more).</summary>
    public IReadOnlyList<InboundMessage> Messages { get; }

    /// <summary>The answer of an accepted request; null for a refusal.</summary>
    public InboundReply? Reply { get; }

    /// <summary>For <see cref="InboundResultKind.Refuse"/>: why.</summary>
    public InboundRefusal? Refusal { get; }

    /// <summary>
    /// Messages of the request the adapter left out because <see cref="IInboundContext.IsStoredAsync"/> said they were
    /// stored before (for example so as not to download a file again); the reply counts them as duplicates.
    /// </summary>
    public int AlreadyStored { get; init; }

    /// <summary>
    /// Items of a batch the adapter could not take, each with why (for example one malformed entry of several): the
    /// door logs them and still stores the good ones, as a platform that redelivers the whole batch would only fail again.
    /// </summary>
    public IReadOnlyList<string> Skipped { get; init; } = [];

    /// <summary>Store <paramref name="messages"/>, then answer with <paramref name="reply"/> (<see cref="InboundReply.Accepted"/> by default).</summary>
    public static InboundResult Ingest(IReadOnlyList<InboundMessage> messages, InboundReply? reply = null)
    {
        ArgumentNullException.ThrowIfNull(messages);
        return new(InboundResultKind.Ingest, messages, reply ?? InboundReply.Accepted, null);
    }

    /// <summary>Answer without storing anything.</summary>
    public static InboundResult Answer(InboundReply reply)
    {
        ArgumentNullException.ThrowIfNull(reply);
        return new(InboundResultKind.Reply, [], reply, null);
    }

    /// <summary>Refuse the request; nothing is stored.</summary>
    public static InboundResult Refuse(InboundRefusalKind kind, string title, string detail) => Refuse(new InboundRefusal(kind, title, detail));

    /// <summary>Refuse the request with a refusal a context helper returned; nothing is stored.</summary>
    public static InboundResult Refuse(InboundRefusal refusal)
    {
        ArgumentNullException.ThrowIfNull(refusal);
        return new(InboundResultKind.Refuse, [], null, refusal);
    }

    /// <summary>401: the signature (or token) is missing, wrong or stale.</summary>
    public static InboundResult Unauthenticated(string detail, string title = "Invalid signature") =>
        Refuse(InboundRefusalKind.Unauthenticated, title, detail);

    /// <summary>400: authentic, but the body is not understood.</summary>
    public static InboundResult Malformed(string detail, string title = "Malformed body") => Refuse(InboundRefusalKind.Malformed, title, detail);
}
