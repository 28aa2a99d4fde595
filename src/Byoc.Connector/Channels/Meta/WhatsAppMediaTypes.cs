namespace Byoc.Connector.Channels.Meta;

/// <summary>
/// How the Cloud API takes a file by its MIME type ("Supported media types"): JPEG and PNG as images (5 MB), MP4 and
/// 3GPP as videos (16 MB), AAC, AMR, MP3, MP4 audio and OGG (Opus) as audio (16 MB), anything else as a document
/// (100 MB), which Meta refuses with its own error when it does not take the type.
/// </summary>
internal static class WhatsAppMediaTypes
{
    private const long MegaByte = 1024 * 1024;

    /// <summary>The message type the file goes as, and Meta's size limit for it.</summary>
    public static (string Type, long MaxBytes) For(string mimeType) => (mimeType?.Split(';')[0].Trim().ToLowerInvariant()) switch
    {
        "image/jpeg" or "image/png" => ("image", 5 * MegaByte),
        "video/mp4" or "video/3gpp" => ("video", 16 * MegaByte),
        "audio/aac" or "audio/amr" or "audio/mpeg" or "audio/mp4" or "audio/ogg" => ("audio", 16 * MegaByte),
        _ => ("document", 100 * MegaByte),
    };
}
