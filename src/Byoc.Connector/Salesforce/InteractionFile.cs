namespace Byoc.Connector.Salesforce;

/// <summary>The file of an <c>AttachmentInteraction</c>: <see cref="Open"/> is called for every attempt of the call.</summary>
/// <param name="Name">The file name sent in the part's Content-Disposition.</param>
/// <param name="MimeType">The part's Content-Type.</param>
/// <param name="Open">Opens the content from the start.</param>
internal sealed record InteractionFile(string Name, string MimeType, Func<Stream> Open);
