namespace Byoc.TestUtilities.Platforms.Slack;

/// <summary>A file the application uploaded by the external upload flow and shared with files.completeUploadExternal.</summary>
public sealed record SlackSharedFile(string FileId, string Name, string? Title, byte[] Content, string Channel, string? ThreadTs, string? InitialComment);
