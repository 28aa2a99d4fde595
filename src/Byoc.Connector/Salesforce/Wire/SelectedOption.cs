namespace Byoc.Connector.Salesforce.Wire;

/// <summary>One chosen option: its identifier and title.</summary>
internal sealed record SelectedOption(string OptionIdentifier, OptionTitle? OptionTitle);
