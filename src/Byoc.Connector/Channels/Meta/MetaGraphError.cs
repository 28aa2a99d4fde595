namespace Byoc.Connector.Channels.Meta;

/// <summary>A Graph API refusal as a channel classifies it.</summary>
/// <param name="Code">Graph's <c>error.code</c>, when the body had one.</param>
/// <param name="Subcode">Graph's <c>error.error_subcode</c>, when the body had one.</param>
/// <param name="Text">What was refused, the HTTP status, the codes and Meta's message, for logs and Salesforce.</param>
internal sealed record MetaGraphError(int? Code, int? Subcode, string Text);
