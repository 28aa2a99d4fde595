namespace Byoc.Core.Messages;

/// <summary>A file the end user sent; its bytes are in the connector's attachment store.</summary>
/// <param name="FileId">The key of the stored file.</param>
/// <param name="Name">The file name to show.</param>
/// <param name="MimeType">The checked MIME type.</param>
/// <param name="Length">The size in bytes.</param>
public sealed record InboundAttachment(string FileId, string Name, string MimeType, long Length);
