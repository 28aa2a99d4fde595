using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Nodes;
using static Byoc.Emulator.Interactions.InteractionJson;

namespace Byoc.Emulator.Interactions;

/// <summary>
/// The <c>abstractMessage</c> of a <c>Message</c> entry: 10059/10060 entry and message ids; the three message types an end user
/// may send (10062 for the others, 10047 for an unknown one) with their format types (10048 unknown, 10049 not allowed here).
/// </summary>
internal static class MessageParser
{
    /// <summary>The length of <c>ConversationEntry.Message</c>.</summary>
    public const int MaxTextLength = 32_000;

    public static bool TryParse(
        InteractionEnvelope envelope, JsonObject payload,
        [NotNullWhen(true)] out ParsedInteraction? interaction, [NotNullWhen(false)] out InteractionError? error)
    {
        interaction = null;
        if (payload["abstractMessage"] is not JsonObject message)
        {
            error = InteractionError.Of(10045);
            return false;
        }

        var id = String(payload, "id");
        var messageId = String(message, "id");
        if (string.IsNullOrEmpty(id) || string.IsNullOrEmpty(messageId))
        {
            error = InteractionError.Of(10059);
            return false;
        }

        if (!string.Equals(id, messageId, StringComparison.Ordinal))
        {
            error = InteractionError.Of(10060);
            return false;
        }

        var parsed = String(message, "messageType") switch
        {
            "StaticContentMessage" => StaticContent(message),
            "ChoicesResponseMessage" => ChoicesResponse(message),
            "FormResponseMessage" => FormResponse(message),
            "ChoicesMessage" or "FormMessage" => Failure(InteractionError.Of(10062)),
            _ => Failure(InteractionError.Of(10047)),
        };
        if (parsed.Error is { } failure)
        {
            error = failure;
            return false;
        }

        interaction = new ParsedInteraction(envelope, "Message", id, parsed.Text, parsed.TranscriptType, payload);
        error = null;
        return true;
    }

    private static Content StaticContent(JsonObject message)
    {
        if (message["staticContent"] is not JsonObject staticContent)
        {
            return Failure(InteractionError.Of(10045));
        }

        var format = String(staticContent, "formatType");
        if (format != "Text")
        {
            return Failure(FormatError(format));
        }

        var text = String(staticContent, "text");
        if (string.IsNullOrEmpty(text))
        {
            return Failure(InteractionError.Of(10045).With("staticContent.text is required."));
        }

        // The text becomes ConversationEntry.Message, a 32,000-character long text area. Salesforce documents no error code
        // for a longer one; choice: 10045 (invalid message entry format, a 400) naming the limit, never an unhandled 500.
        return text.Length > MaxTextLength
            ? Failure(InteractionError.Of(10045).With($"staticContent.text has {text.Length} characters; a conversation entry takes at most {MaxTextLength}."))
            : new Content(text, "Text", null);
    }

    private static Content ChoicesResponse(JsonObject message)
    {
        if (message["choicesResponse"] is not JsonObject choices)
        {
            return Failure(InteractionError.Of(10045));
        }

        if (String(choices, "formatType") is var format && format != "Selections")
        {
            return Failure(FormatError(format));
        }

        if (choices["selectedOptions"] is not JsonArray { Count: > 0 } selected ||
            selected.Any(o => o is not JsonObject option || string.IsNullOrEmpty(String(option, "optionIdentifier"))))
        {
            return Failure(InteractionError.Of(10045).With("choicesResponse.selectedOptions needs at least one optionIdentifier."));
        }

        var text = string.Join(", ", selected.OfType<JsonObject>()
            .Select(o => o["optionTitle"] is JsonObject title ? String(title, "title") : String(o, "optionIdentifier")));
        return new Content(text, "ChoicesResponse", null);
    }

    private static Content FormResponse(JsonObject message)
    {
        if (message["formResponse"] is not JsonObject form)
        {
            return Failure(InteractionError.Of(10045));
        }

        if (String(form, "formatType") is var format && format is not ("Inputs" or "Result"))
        {
            return Failure(FormatError(format));
        }

        return new Content(form["formTitle"] is JsonObject formTitle ? String(formTitle, "title") : null, "FormResponse", null);
    }

    /// <summary>10049 for a documented format type that this message type does not take, 10048 for an unknown one.</summary>
    private static InteractionError FormatError(string? format) => IsKnownFormat(format) ? InteractionError.Of(10049) : InteractionError.Of(10048);

    private static bool IsKnownFormat(string? format) => format is "Attachments" or "RichLink" or "Media" or "Buttons" or "Carousel" or
        "QuickReplies" or "ListPicker" or "Selections" or "Links" or "TimePicker" or "Application" or "Result" or "Inputs" or "WebView" or
        "Text" or "ExperienceType" or "Flow" or "MessageDefinition";

    private static Content Failure(InteractionError error) => new(null, string.Empty, error);

    /// <summary>The transcript text and entry type of a message, or why it is refused.</summary>
    private readonly record struct Content(string? Text, string TranscriptType, InteractionError? Error);
}
