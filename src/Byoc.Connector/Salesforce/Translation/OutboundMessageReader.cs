using System.Globalization;
using System.Text.Json.Nodes;
using Byoc.Core.Messages;

namespace Byoc.Connector.Salesforce.Translation;

/// <summary>
/// Reads an outbound <c>abstractMessage</c> (interaction-service-api.md §6.5): text with its citations, attachments,
/// links, rich links and web views, choices (Buttons, QuickReplies, ListPicker, TimePicker), and message definitions (as
/// <see cref="OutboundMessage.Definition"/>, for channels that map them to templates). Anything else becomes a readable text
/// that names what could not be shown.
/// </summary>
internal static class OutboundMessageReader
{
    public static OutboundMessage? Read(OutboundMessage entry, JsonNode? message, out string reason)
    {
        reason = string.Empty;
        entry = entry with { ContentCategory = TolerantJson.Text(message?["contentCategory"]) };
        switch (TolerantJson.Text(message?["messageType"]))
        {
            case "StaticContentMessage":
                return StaticContent(entry, message?["staticContent"]);
            case "ChoicesMessage" or "FormMessage" when Definition(message?["choices"] ?? message?["form"]) is { } definition:
                return entry with
                {
                    Kind = OutboundKind.Text,
                    Text = $"[The agent sent the message \"{definition.NameOrId}\", which this chat cannot show.]",
                    Definition = definition,
                };
            case "ChoicesMessage":
                return Choices(entry, message?["choices"]);
            case "FormMessage":
                var title = TolerantJson.Text(message?["form"]?["formTitle"]?["title"]) ?? TolerantJson.Text(message?["form"]?["formTitle"]);
                return entry with { Kind = OutboundKind.Text, Text = $"[The agent sent a form{(title is null ? string.Empty : $" \"{title}\"")} that this chat cannot show.]" };
            case { } other:
                return entry with { Kind = OutboundKind.Text, Text = $"[{other} is not supported on this channel]" };
            default:
                reason = "the message has no messageType";
                return null;
        }
    }

    private static OutboundMessage StaticContent(OutboundMessage entry, JsonNode? content)
    {
        var text = TolerantJson.Text(content?["text"]);
        switch (TolerantJson.Text(content?["formatType"]))
        {
            case "Attachments":
                var attachments = TolerantJson.Items(content?["attachments"])
                    .Select(a => (Url: TolerantJson.Text(a?["url"]), Name: TolerantJson.Text(a?["name"]), Mime: TolerantJson.Text(a?["mimeType"])))
                    .Where(a => a.Url is not null)
                    .Select(a => new OutboundAttachment(a.Name ?? "file", a.Mime ?? "application/octet-stream", a.Url!))
                    .ToList();
                return attachments.Count == 0
                    ? entry with { Kind = OutboundKind.Text, Text = text ?? string.Empty }
                    : entry with { Kind = OutboundKind.Attachment, Text = text, Attachments = attachments };
            case "Links":
                return WithLinks(entry, text, TolerantJson.Items(content?["links"]).Select(l => Link(TolerantJson.Text(l?["url"]), TolerantJson.Text(l?["title"]))));
            case "RichLink":
                var item = content?["linkItem"];
                return WithLinks(entry, text, [Link(TolerantJson.Text(item?["url"]), TolerantJson.Text(item?["titleItem"]?["title"]))]);
            case "WebView":
                return WithLinks(entry, text, [Link(TolerantJson.Text(content?["url"]), TolerantJson.Text(content?["title"]))]);
            default:
                var citations = TolerantJson.Items(content?["citationContent"]?["citations"])
                    .Select(c => c?["citedReference"])
                    .Select(r => Link(TolerantJson.Text(r?["link"]?["url"]), TolerantJson.Text(r?["label"])));
                return WithLinks(entry, text, citations);
        }
    }

    private static OutboundMessage WithLinks(OutboundMessage entry, string? text, IEnumerable<OutboundLink?> links)
    {
        var list = links.OfType<OutboundLink>().DistinctBy(l => l.Url).ToList();
        return entry with { Kind = OutboundKind.Text, Text = text ?? string.Empty, Links = list };
    }

    private static OutboundLink? Link(string? url, string? title) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http" ? new OutboundLink(url!, title) : null;

    private static OutboundMessage Choices(OutboundMessage entry, JsonNode? choices)
    {
        if (TolerantJson.Text(choices?["formatType"]) == "TimePicker")
        {
            return TimePicker(entry, choices);
        }

        var options = TolerantJson.Items(choices?["optionItems"])
            .Select(o => (Id: TolerantJson.Text(o?["optionIdentifier"]), Title: TolerantJson.Text(o?["titleItem"]?["title"])))
            .Where(o => o.Id is not null)
            .Select(o => new ChoiceOption(o.Id!, o.Title ?? o.Id!))
            .ToList();
        return entry with
        {
            Kind = OutboundKind.Choices,
            ChoicesFormat = TolerantJson.Text(choices?["formatType"]),
            Text = TolerantJson.Text(choices?["text"]) ?? TolerantJson.Text(choices?["title"]) ?? TolerantJson.Text(choices?["message"]),
            Choices = options,
        };
    }

    /// <summary>
    /// A <c>ChoicesTimePicker</c>: the calendar event's title is the text and each <c>TimeSlotOptionItem</c> an option titled
    /// with its start (<see cref="TimeSlotTitles"/>); a slot without an identifier or a valid start time is left out.
    /// </summary>
    private static OutboundMessage TimePicker(OutboundMessage entry, JsonNode? choices)
    {
        var calendarEvent = choices?["calendarEvent"];
        var timezoneOffset = calendarEvent?["timezoneOffset"] is JsonValue offset && offset.TryGetValue<int>(out var minutes) ? minutes : (int?)null;
        var options = TolerantJson.Items(calendarEvent?["timeSlotOptionItems"])
            .Select(s => (Id: TolerantJson.Text(s?["optionIdentifier"]), Start: StartTime(TolerantJson.Text(s?["startTime"])),
                Duration: s?["duration"] is JsonValue d && d.TryGetValue<long>(out var seconds) ? seconds : (long?)null))
            .Where(s => s.Id is not null && s.Start is not null)
            .Select(s => new ChoiceOption(s.Id!, TimeSlotTitles.Format(s.Start!.Value, timezoneOffset), s.Start, s.Duration))
            .ToList();
        return entry with
        {
            Kind = OutboundKind.Choices,
            ChoicesFormat = "TimePicker",
            Text = TolerantJson.Text(calendarEvent?["title"]) ?? TolerantJson.Text(choices?["message"]?["title"]),
            Choices = options,
        };
    }

    /// <summary>
    /// A <c>ChoicesMessageDefinition</c> or <c>FormMessageDefinition</c>: its name or id, its <c>NamedValue</c> parameters
    /// with each value's text (a <c>TextValue</c>'s <c>textValue</c>, a <c>UrlValue</c>'s <c>urlValue</c>, and so on: the
    /// field named after the value type), and its target locale; null for any other format.
    /// </summary>
    private static OutboundMessageDefinition? Definition(JsonNode? content)
    {
        if (TolerantJson.Text(content?["formatType"]) != "MessageDefinition" || TolerantJson.Text(content?["messageDefinitionNameOrId"]) is not { } name)
        {
            return null;
        }

        var parameters = TolerantJson.Items(content?["parameters"])
            .Select(p => (Name: TolerantJson.Text(p?["name"]), Value: ValueText(p?["value"])))
            .Where(p => p.Name is not null)
            .Select(p => KeyValuePair.Create(p.Name!, p.Value ?? string.Empty))
            .ToList();
        return new OutboundMessageDefinition(name, parameters, TolerantJson.Text(content?["targetLocale"]));
    }

    private static string? ValueText(JsonNode? value)
    {
        if (TolerantJson.Text(value?["valueType"]) is not { Length: > 1 } type)
        {
            return null;
        }

        return value?[char.ToLowerInvariant(type[0]) + type[1..]] switch
        {
            JsonValue scalar when scalar.TryGetValue<string>(out var text) => text,
            JsonValue scalar => scalar.ToJsonString(),
            _ => null,
        };
    }

    private static DateTimeOffset? StartTime(string? text) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var start) ? start : null;
}
