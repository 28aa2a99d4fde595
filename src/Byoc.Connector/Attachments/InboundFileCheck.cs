using System.Globalization;
using Microsoft.Extensions.Options;

namespace Byoc.Connector.Attachments;

/// <summary>
/// The documented limits on an end user's file (interaction-service-api.md §5.1 d: one file, at most 25 MB, a listed MIME
/// type), checked before anything is stored so the end user hears at once why a file is refused.
/// </summary>
internal sealed class InboundFileCheck(IOptions<AttachmentOptions> options)
{
    private static readonly Dictionary<string, string> s_byExtension = new(StringComparer.OrdinalIgnoreCase)
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

    public long MaxBytes => options.Value.MaxInboundBytes;

    /// <summary>The MIME type to send: the declared one, or the one the file name implies when none (or a generic one) is declared.</summary>
    public static string? MimeTypeOf(string? declared, string? fileName)
    {
        var type = declared?.Split(';')[0].Trim().ToLowerInvariant();
        return string.IsNullOrEmpty(type) || type == "application/octet-stream"
            ? s_byExtension.GetValueOrDefault(Path.GetExtension(fileName ?? string.Empty)) ?? type
            : type;
    }

    /// <summary>Null when the type is accepted; otherwise the reason, worded for the end user.</summary>
    public string? RefuseType(string? mimeType) =>
        mimeType is not null && options.Value.EffectiveInboundMimeTypes.Contains(mimeType, StringComparer.OrdinalIgnoreCase)
            ? null
            : $"Files of type '{mimeType ?? "unknown"}' cannot be sent. Accepted: {string.Join(", ", options.Value.EffectiveInboundMimeTypes)}.";

    /// <summary>Null when the size is accepted; otherwise the reason, worded for the end user.</summary>
    public string? RefuseSize(long length) => length switch
    {
        <= 0 => "The file is empty.",
        _ when length > MaxBytes => TooLarge,
        _ => null,
    };

    /// <summary>The reason for a file over <see cref="MaxBytes"/>.</summary>
    public string TooLarge => string.Create(CultureInfo.InvariantCulture, $"The file is larger than the limit of {MaxBytes / (1024.0 * 1024):0.#} MB.");
}
