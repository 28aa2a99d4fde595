namespace Byoc.Core.Messages;

/// <summary>What an end user's platform reported.</summary>
public enum InboundKind
{
    /// <summary>A text message from the end user.</summary>
    Text,

    /// <summary>The end user started typing.</summary>
    TypingStarted,

    /// <summary>The end user stopped typing.</summary>
    TypingStopped,

    /// <summary>The platform reports the delivery or read status of an outbound message.</summary>
    Status,

    /// <summary>The end user picked an option of an outbound choices message.</summary>
    ChoiceResponse,

    /// <summary>The end user sent a file (<see cref="InboundMessage.Attachment"/>), with an optional caption in <see cref="InboundMessage.Text"/>.</summary>
    Attachment,
}
