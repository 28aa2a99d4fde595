namespace Byoc.Connector.Channels.Webhook;

/// <summary>One option of an outbound <c>choices</c> message; a <c>TimePicker</c> slot also has its start and duration.</summary>
/// <param name="Id">The option identifier to answer with.</param>
/// <param name="Title">The text to show.</param>
/// <param name="StartTime">For a time slot: when it starts, in UTC (ISO 8601 with <c>Z</c>).</param>
/// <param name="Duration">For a time slot: its length in seconds.</param>
internal sealed record WebhookChoice(string Id, string Title, DateTime? StartTime = null, long? Duration = null);
