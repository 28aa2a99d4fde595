namespace Byoc.Core.Messages;

/// <summary>What Salesforce asks us to show the end user.</summary>
public enum OutboundKind
{
    /// <summary>A text message from the agent or rep.</summary>
    Text,

    /// <summary>A message offering choices (buttons, quick replies, list picker).</summary>
    Choices,

    /// <summary>The agent or rep started typing.</summary>
    TypingStarted,

    /// <summary>The agent or rep stopped typing.</summary>
    TypingStopped,

    /// <summary>An Agentforce progress indicator ("working on it").</summary>
    Progress,

    /// <summary>Files from the agent or rep (<see cref="OutboundMessage.Attachments"/>), with optional text.</summary>
    Attachment,

    /// <summary>An agent or rep joined or left (<see cref="OutboundMessage.ParticipantJoined"/>, <see cref="OutboundMessage.SenderDisplayName"/>).</summary>
    ParticipantChanged,

    /// <summary>A notice to the end user from the connector itself, e.g. that their file was refused.</summary>
    Notice,
}
