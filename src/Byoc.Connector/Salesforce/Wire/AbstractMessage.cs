namespace Byoc.Connector.Salesforce.Wire;

/// <summary>An end user's message: <c>StaticContentMessage</c> or <c>ChoicesResponseMessage</c>.</summary>
internal sealed record AbstractMessage
{
    public required string MessageType { get; init; }

    /// <summary>Must equal the entry id (error 10060).</summary>
    public required string Id { get; init; }

    public string? InReplyToMessageId { get; init; }

    public StaticContent? StaticContent { get; init; }

    public ChoicesResponse? ChoicesResponse { get; init; }
}
