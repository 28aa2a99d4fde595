namespace Byoc.Core.Messages;

/// <summary>One option of a choices message.</summary>
/// <param name="Identifier">Salesforce's option identifier, echoed back in the end user's choice response.</param>
/// <param name="Title">The text to show.</param>
internal sealed record ChoiceOption(string Identifier, string Title);
