namespace Byoc.Core.Storage;

/// <summary>Maps a platform user on a channel to the Salesforce end user and conversation.</summary>
public sealed record ConversationRecord
{
    /// <summary>The configured channel name.</summary>
    public required string Channel { get; init; }

    /// <summary>The platform's id of the end user.</summary>
    public required string PlatformUserId { get; init; }

    /// <summary>The Salesforce channel address the channel is bound to.</summary>
    public required string ChannelAddressIdentifier { get; init; }

    /// <summary>The end-user client identifier sent as <c>from</c> (unique per channel address).</summary>
    public required string EndUserClientIdentifier { get; init; }

    /// <summary>Salesforce's conversation identifier, once known.</summary>
    public string? ConversationIdentifier { get; init; }

    /// <summary>The MessagingSession id, once known.</summary>
    public string? SessionId { get; init; }
}
