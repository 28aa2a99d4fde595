namespace Byoc.Core.Messages;

/// <summary>
/// A Salesforce message definition the agent or rep sent (a <c>ChoicesMessage</c> or <c>FormMessage</c> of format type
/// <c>MessageDefinition</c>, interaction-service-api.md §6.5): the definition's unique name or id, its named parameters
/// as text, and the locale it should be shown in. A channel with approved templates (WhatsApp) maps it to one.
/// </summary>
/// <param name="NameOrId">The definition's unique name or record id (<c>messageDefinitionNameOrId</c>).</param>
/// <param name="Parameters">The <c>parameters</c> in order, each value as text.</param>
/// <param name="Locale">The <c>targetLocale</c> (BCP 47, for example <c>en-US</c>), if any.</param>
public sealed record OutboundMessageDefinition(string NameOrId, IReadOnlyList<KeyValuePair<string, string>> Parameters, string? Locale);
