namespace Byoc.Core.Messages;

/// <summary>What Salesforce asks us to show the end user.</summary>
internal enum OutboundKind
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
}
