namespace Byoc.Connector.Salesforce.Wire;

/// <summary><c>{itemType: "TitleItem", title}</c>.</summary>
internal sealed record OptionTitle(string ItemType, string Title);
