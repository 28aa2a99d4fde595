namespace Byoc.Core.Messages;

/// <summary>A file Salesforce offers for download (<c>staticContent.attachments[]</c>).</summary>
/// <param name="Name">The file name.</param>
/// <param name="MimeType">The MIME type Salesforce declares.</param>
/// <param name="Url">The content-distribution download URL.</param>
public sealed record OutboundAttachment(string Name, string MimeType, string Url);
