using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace Byoc.Connector.Channels.WebChat;

/// <summary>
/// The key that lets a page load a file of its own conversation from <c>/chat/{channel}/files/{id}?key=…</c>: a
/// base64url HMAC-SHA256 (truncated to 128 bits) over <c>"chat-file\n{channel}\n{file id}"</c> with the channel's session
/// secret (the prefix keeps it apart from session tokens). Keys are added to a file only as its event goes out on the
/// stream of the visitor whose chat log holds it, so a file of another channel (a webhook file meant only for its signed,
/// expiring link) or a file that was never shown to a visitor has no key to be served with.
/// </summary>
internal sealed class WebChatFileKeys(string channel, byte[] secret)
{
    private const int KeyBytes = 16;

    /// <summary>The key of <paramref name="fileId"/> on this channel.</summary>
    public string For(string fileId) => Base64Url.EncodeToString(Mac(fileId));

    /// <summary>Whether <paramref name="key"/> is the key of <paramref name="fileId"/>, compared in constant time.</summary>
    public bool IsValid(string fileId, string? key)
    {
        Span<byte> candidate = stackalloc byte[KeyBytes];
        return key is { Length: > 0 and <= 32 }
            && Base64Url.TryDecodeFromChars(key, candidate, out var length)
            && length == KeyBytes
            && CryptographicOperations.FixedTimeEquals(candidate, Mac(fileId));
    }

    /// <summary>A log entry's payload with the key of each of its files, as the visitor's stream sends it.</summary>
    public string WithKeys(string payload)
    {
        if (!payload.Contains("\"attachments\"", StringComparison.Ordinal) || JsonNode.Parse(payload) is not JsonObject e
            || e["attachments"] is not JsonArray files)
        {
            return payload;
        }

        foreach (var file in files.OfType<JsonObject>())
        {
            if (file["id"]?.GetValue<string>() is { } id)
            {
                file["key"] = For(id);
            }
        }

        return e.ToJsonString();
    }

    private byte[] Mac(string fileId) => HMACSHA256.HashData(secret, Encoding.UTF8.GetBytes($"chat-file\n{channel}\n{fileId}"))[..KeyBytes];
}
