using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Nodes;
using static Byoc.Emulator.Interactions.InteractionJson;

namespace Byoc.Emulator.Interactions;

/// <summary>
/// An <c>AttachmentInteraction</c> and its file (one per request): 10007 id, 10010 contentLength, 10011 number of files, 10009
/// empty, 10008 over 25 MB, 10051 size not as declared, 10095 a MIME type that cannot be determined or is not supported.
/// </summary>
internal static class AttachmentParser
{
    /// <summary>25 MB, the documented attachment limit.</summary>
    public const long MaxAttachmentBytes = 25L * 1024 * 1024;

    private static readonly Dictionary<string, string> s_mimeByExtension = new(StringComparer.OrdinalIgnoreCase)
    {
        [".jpg"] = "image/jpeg",
        [".jpeg"] = "image/jpeg",
        [".gif"] = "image/gif",
        [".bmp"] = "image/bmp",
        [".png"] = "image/png",
        [".pdf"] = "application/pdf",
        [".3g2"] = "video/3gpp2",
        [".3gp"] = "video/3gpp",
        [".mpeg"] = "video/mpeg",
        [".mpg"] = "video/mpeg",
        [".mp3"] = "audio/mpeg",
        [".mp4"] = "video/mp4",
        [".m4a"] = "audio/mp4",
    };

    private static readonly HashSet<string> s_supportedMime = new(StringComparer.OrdinalIgnoreCase)
    {
        "image/jpeg", "image/gif", "image/bmp", "image/png", "application/pdf", "video/3gpp2", "audio/3gpp2", "video/3gpp",
        "audio/3gpp", "video/mpeg", "audio/mpeg", "video/mp4", "audio/mp4",
    };

    public static bool TryParse(
        InteractionEnvelope envelope, JsonObject item, IReadOnlyList<IFormFile> attachments,
        [NotNullWhen(true)] out ParsedInteraction? interaction, [NotNullWhen(false)] out InteractionError? error)
    {
        interaction = null;
        var id = String(item, "id");
        if (string.IsNullOrEmpty(id))
        {
            error = InteractionError.Of(10007);
            return false;
        }

        if (!TryLong(item["contentLength"], out var contentLength))
        {
            error = InteractionError.Of(10010);
            return false;
        }

        if (!TryLong(item["attachmentIndex"], out var attachmentIndex) || attachmentIndex != 0)
        {
            error = InteractionError.Of(10029).With("attachmentIndex must be 0 (one file per request).");
            return false;
        }

        if (attachments.Count != 1)
        {
            error = InteractionError.Of(10011);
            return false;
        }

        var file = attachments[0];
        if (file.Length == 0)
        {
            error = InteractionError.Of(10009);
            return false;
        }

        if (file.Length > MaxAttachmentBytes)
        {
            error = InteractionError.Of(10008);
            return false;
        }

        if (file.Length != contentLength)
        {
            error = InteractionError.Of(10051);
            return false;
        }

        if (MimeTypeOf(file) is not { } mimeType)
        {
            error = InteractionError.Of(10095);
            return false;
        }

        interaction = new ParsedInteraction(envelope, "AttachmentInteraction", id, String(item, "text"), "Attachment", item)
        {
            File = file,
            MimeType = mimeType,
        };
        error = null;
        return true;
    }

    private static string? MimeTypeOf(IFormFile file)
    {
        var declared = file.ContentType?.Split(';')[0].Trim();
        if (declared is not null && s_supportedMime.Contains(declared))
        {
            return declared.ToLowerInvariant();
        }

        return s_mimeByExtension.GetValueOrDefault(Path.GetExtension(file.FileName ?? string.Empty));
    }
}
