namespace Byoc.TestUtilities.Platforms.Meta;

/// <summary>A file in the fake's media store: one an end user sent, or one the application uploaded.</summary>
/// <param name="Id">The media id.</param>
/// <param name="MimeType">The MIME type, as uploaded or sent.</param>
/// <param name="Content">The bytes.</param>
/// <param name="FileName">The upload's file name, if any.</param>
/// <param name="Uploaded">Whether the application uploaded it (<c>POST /{phone-number-id}/media</c>).</param>
public sealed record MetaMedia(string Id, string MimeType, byte[] Content, string? FileName, bool Uploaded);
