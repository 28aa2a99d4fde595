using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Nodes;
using static Byoc.Emulator.Interactions.InteractionJson;

namespace Byoc.Emulator.Interactions;

/// <summary>
/// Validates the <c>json</c> part and the files of <c>POST /api/v1/interactions</c> (interaction-service-api.md §5.1) and maps each
/// documented violation to its code. This is the envelope: 10027/10028 <c>to</c>/<c>from</c>; 20003 empty and 10029 invalid
/// interaction lists (exactly one interaction per request, with a timestamp); then the interaction by its type:
/// <see cref="EntryParser"/> for an <c>EntryInteraction</c>, <see cref="AttachmentParser"/> for an <c>AttachmentInteraction</c>.
/// </summary>
internal static class InteractionParser
{
    public static bool TryParse(
        JsonObject json, IReadOnlyList<IFormFile> attachments,
        [NotNullWhen(true)] out ParsedInteraction? interaction, [NotNullWhen(false)] out InteractionError? error)
    {
        interaction = null;
        var to = String(json, "to");
        if (string.IsNullOrWhiteSpace(to) || to.Length > 240)
        {
            error = InteractionError.Of(10027);
            return false;
        }

        var from = String(json, "from");
        if (string.IsNullOrWhiteSpace(from) || from.Length > 255)
        {
            error = InteractionError.Of(10028);
            return false;
        }

        if (json["interactions"] is not JsonArray list)
        {
            error = InteractionError.Of(10029);
            return false;
        }

        if (list.Count == 0)
        {
            error = InteractionError.Of(20003);
            return false;
        }

        if (list.Count > 1 || list[0] is not JsonObject item)
        {
            error = InteractionError.Of(10029).With("Send exactly one interaction per request.");
            return false;
        }

        if (!TryLong(item["timestamp"], out var timestamp))
        {
            error = InteractionError.Of(10029).With("timestamp (epoch milliseconds) is required.");
            return false;
        }

        var envelope = new InteractionEnvelope(to, from, timestamp);
        switch (String(item, "interactionType"))
        {
            case "EntryInteraction":
                if (attachments.Count > 0)
                {
                    error = InteractionError.Of(10011);
                    return false;
                }

                return EntryParser.TryParse(envelope, item, out interaction, out error);
            case "AttachmentInteraction":
                return AttachmentParser.TryParse(envelope, item, attachments, out interaction, out error);
            default:
                error = InteractionError.Of(10029).With("interactionType must be EntryInteraction or AttachmentInteraction.");
                return false;
        }
    }
}
