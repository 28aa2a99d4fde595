namespace Byoc.Core.Messages;

/// <summary>One option of a choices message.</summary>
/// <param name="Identifier">Salesforce's option identifier, echoed back in the end user's choice response.</param>
/// <param name="Title">The text to show.</param>
/// <param name="StartTime">For a time slot (TimePicker): when it starts.</param>
/// <param name="Duration">For a time slot (TimePicker): how long it lasts, in seconds.</param>
public sealed record ChoiceOption(string Identifier, string Title, DateTimeOffset? StartTime = null, long? Duration = null);
