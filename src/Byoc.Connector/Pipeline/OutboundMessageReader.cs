using System.Globalization;
using System.Text.Json.Nodes;
using Byoc.Core.Messages;

namespace Byoc.Connector.Pipeline;

/// <summary>
/// Reads an outbound <c>abstractMessage</c> (interaction-service-api.md §6.5): text with its citations, attachments,
/// links, rich links and web views, and choices (Buttons, QuickReplies, ListPicker, TimePicker). Anything else becomes a
/// readable text that names what could not be shown.
/// </summary>
internal static class OutboundMessageReader
{
    public static OutboundEntry? Read(OutboundEntry entry, JsonNode? message, out string reason)
    {
        reason = string.Empty;
        switch (Json.Text(message?["messageType"]))
        {
            case "StaticContentMessage":
                return StaticContent(entry, message?["staticContent"]);
            case "ChoicesMessage":
                return Choices(entry, message?["choices"]);
            case "FormMessage":
                var title = Json.Text(message?["form"]?["formTitle"]?["title"]) ?? Json.Text(message?["form"]?["formTitle"]);
                return entry with { Kind = OutboundKind.Text, Text = $"[The agent sent a form{(title is null ? string.Empty : $" \"{title}\"")} that this chat cannot show.]" };
            case { } other:
                return entry with { Kind = OutboundKind.Text, Text = $"[{other} is not supported on this channel]" };
            default:
                reason = "the message has no messageType";
                return null;
        }
    }

    private static OutboundEntry StaticContent(OutboundEntry entry, JsonNode? content)
    {
        var text = Json.Text(content?["text"]);
        switch (Json.Text(content?["formatType"]))
        {
            case "Attachments":
                var attachments = Json.Items(content?["attachments"])
                    .Select(a => (Url: Json.Text(a?["url"]), Name: Json.Text(a?["name"]), Mime: Json.Text(a?["mimeType"])))
                    .Where(a => a.Url is not null)
                    .Select(a => new OutboundAttachment(a.Name ?? "file", a.Mime ?? "application/octet-stream", a.Url!))
                    .ToList();
                return attachments.Count == 0
                    ? entry with { Kind = OutboundKind.Text, Text = text ?? string.Empty }
                    : entry with { Kind = OutboundKind.Attachment, Text = text, Attachments = attachments };
            case "Links":
                return WithLinks(entry, text, Json.Items(content?["links"]).Select(l => Link(Json.Text(l?["url"]), Json.Text(l?["title"]))));
            case "RichLink":
                var item = content?["linkItem"];
                return WithLinks(entry, text, [Link(Json.Text(item?["url"]), Json.Text(item?["titleItem"]?["title"]))]);
            case "WebView":
                return WithLinks(entry, text, [Link(Json.Text(content?["url"]), Json.Text(content?["title"]))]);
            default:
                var citations = Json.Items(content?["citationContent"]?["citations"])
                    .Select(c => c?["citedReference"])
                    .Select(r => Link(Json.Text(r?["link"]?["url"]), Json.Text(r?["label"])));
                return WithLinks(entry, text, citations);
        }
    }

    private static OutboundEntry WithLinks(OutboundEntry entry, string? text, IEnumerable<OutboundLink?> links)
    {
        var list = links.OfType<OutboundLink>().DistinctBy(l => l.Url).ToList();
        return entry with { Kind = OutboundKind.Text, Text = text ?? string.Empty, Links = list };
    }

    private static OutboundLink? Link(string? url, string? title) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http" ? new OutboundLink(url!, title) : null;

    private static OutboundEntry Choices(OutboundEntry entry, JsonNode? choices)
    {
        if (Json.Text(choices?["formatType"]) == "TimePicker")
        {
            return TimePicker(entry, choices);
        }

        var options = Json.Items(choices?["optionItems"])
            .Select(o => (Id: Json.Text(o?["optionIdentifier"]), Title: Json.Text(o?["titleItem"]?["title"])))
            .Where(o => o.Id is not null)
            .Select(o => new ChoiceOption(o.Id!, o.Title ?? o.Id!))
            .ToList();
        return entry with
        {
            Kind = OutboundKind.Choices,
            ChoicesFormat = Json.Text(choices?["formatType"]),
            Text = Json.Text(choices?["text"]) ?? Json.Text(choices?["title"]) ?? Json.Text(choices?["message"]),
            Choices = options,
        };
    }

    /// <summary>
    /// A <c>ChoicesTimePicker</c>: the calendar event's title is the text and each <c>TimeSlotOptionItem</c> an option titled
    /// with its start (<see cref="TimeSlotTitles"/>); a slot without an identifier or a valid start time is left out.
    /// </summary>
    private static OutboundEntry TimePicker(OutboundEntry entry, JsonNode? choices)
    {
        var calendarEvent = choices?["calendarEvent"];
        var timezoneOffset = calendarEvent?["timezoneOffset"] is JsonValue offset && offset.TryGetValue<int>(out var minutes) ? minutes : (int?)null;
        var options = Json.Items(calendarEvent?["timeSlotOptionItems"])
            .Select(s => (Id: Json.Text(s?["optionIdentifier"]), Start: StartTime(Json.Text(s?["startTime"])),
                Duration: s?["duration"] is JsonValue d && d.TryGetValue<long>(out var seconds) ? seconds : (long?)null))
            .Where(s => s.Id is not null && s.Start is not null)
            .Select(s => new ChoiceOption(s.Id!, TimeSlotTitles.Format(s.Start!.Value, timezoneOffset), s.Start, s.Duration))
            .ToList();
        return entry with
        {
            Kind = OutboundKind.Choices,
            ChoicesFormat = "TimePicker",
            Text = Json.Text(calendarEvent?["title"]) ?? Json.Text(choices?["message"]?["title"]),
            Choices = options,
        };
    }

    private static DateTimeOffset? StartTime(string? text) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var start) ? start : null;
}
