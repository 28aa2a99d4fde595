namespace Byoc.Connector.Salesforce.Wire;

/// <summary><c>{formatType: "Text", text}</c>.</summary>
internal sealed record StaticContent(string FormatType, string Text);
