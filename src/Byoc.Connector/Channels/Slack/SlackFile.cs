namespace Byoc.Connector.Channels.Slack;

/// <summary>An end user's file in a message event (<c>files[]</c>): downloaded from <see cref="Url"/> with the bot token.</summary>
internal sealed record SlackFile(string Id, string? Name, string? MimeType, long? Size, Uri? Url);
