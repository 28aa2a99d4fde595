namespace Byoc.Core.Messages;

/// <summary>One conversation entry to show the end user, normalised. Stored in the outbox as JSON.</summary>
public sealed record OutboundMessage
{
    /// <summary>The configured channel name the end user is on.</summary>
    public required string Channel { get; init; }

    /// <summary>The platform's id of the end user.</summary>
    public required string PlatformUserId { get; init; }

    /// <summary>Salesforce's conversation-entry identifier (<c>payload.identifier</c>); used for acknowledgements.</summary>
    public required string EntryIdentifier { get; init; }

    /// <summary>Salesforce's conversation identifier.</summary>
    public required string ConversationIdentifier { get; init; }

    /// <summary>What to show.</summary>
    public required OutboundKind Kind { get; init; }

    /// <summary>The text, if any.</summary>
    public string? Text { get; init; }

    /// <summary>The options of a choices message.</summary>
    public IReadOnlyList<ChoiceOption> Choices { get; init; } = [];

    /// <summary>The display name of the agent or rep, if Salesforce sent one.</summary>
    public string? SenderDisplayName { get; init; }

    /// <summary>
    /// Salesforce's <c>sender.role</c> of the entry (<c>Agent</c> for a human rep, <c>Chatbot</c> for an Agentforce agent,
    /// <c>System</c>), or for a participant change the role of the participant who joined or left; null when Salesforce sent none.
    /// </summary>
    public string? SenderRole { get; init; }

    /// <summary>When Salesforce says the entry was created.</summary>
    public DateTimeOffset? Timestamp { get; init; }

    /// <summary>For <see cref="OutboundKind.Choices"/>: <c>Buttons</c>, <c>QuickReplies</c>, <c>ListPicker</c> or <c>TimePicker</c>.</summary>
    public string? ChoicesFormat { get; init; }

    /// <summary>For <see cref="OutboundKind.Attachment"/>: the files to download and deliver.</summary>
    public IReadOnlyList<OutboundAttachment> Attachments { get; init; } = [];

    /// <summary>Links to show with the text: links and rich links, and citations of an agent's answer.</summary>
    public IReadOnlyList<OutboundLink> Links { get; init; } = [];

    /// <summary>For <see cref="OutboundKind.ParticipantChanged"/>: true when the participant joined, false when it left.</summary>
    public bool? ParticipantJoined { get; init; }
}
