namespace Byoc.TestUtilities.Platforms.Meta;

/// <summary>A file the application uploaded with the Attachment Upload API.</summary>
/// <param name="AttachmentId">The id the fake answered with.</param>
/// <param name="Type"><c>image</c>, <c>video</c>, <c>audio</c> or <c>file</c>.</param>
/// <param name="FileName">The <c>filedata</c> part's file name.</param>
/// <param name="MimeType">The <c>filedata</c> part's content type.</param>
/// <param name="Content">The bytes.</param>
public sealed record MessengerUpload(string AttachmentId, string Type, string FileName, string MimeType, byte[] Content);
