namespace Byoc.Core.Channels;

/// <summary>What the front door does with an adapter's <see cref="InboundResult"/>.</summary>
public enum InboundResultKind
{
    /// <summary>Store the messages in the inbox (insert-or-ignore), then answer with the reply.</summary>
    Ingest,

    /// <summary>Answer without storing anything: a verification handshake, or a notification the channel ignores.</summary>
    Reply,

    /// <summary>Refuse: answer a problem with the refusal's status; nothing is stored.</summary>
    Refuse,
}
