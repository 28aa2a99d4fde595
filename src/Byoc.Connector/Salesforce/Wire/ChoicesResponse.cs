namespace Byoc.Connector.Salesforce.Wire;

/// <summary><c>{formatType: "Selections", selectedOptions: [...]}</c>.</summary>
internal sealed record ChoicesResponse(string FormatType, IReadOnlyList<SelectedOption> SelectedOptions);
