namespace Byoc.Core.Messages;

/// <summary>A link shown with a message: a link or rich link, or a citation of an agent's answer.</summary>
/// <param name="Url">The target.</param>
/// <param name="Title">The text to show for it, when Salesforce gave one.</param>
public sealed record OutboundLink(string Url, string? Title);
