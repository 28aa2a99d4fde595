namespace Byoc.Connector.Attachments;

/// <summary>A file in <see cref="AttachmentFiles"/>.</summary>
/// <param name="Id">The file's random id.</param>
/// <param name="Name">The file name to show.</param>
/// <param name="MimeType">The MIME type.</param>
/// <param name="Length">The size in bytes.</param>
internal sealed record StoredFile(string Id, string Name, string MimeType, long Length);
