using System.Security.Cryptography;
using System.Text;
using Microsoft.Net.Http.Headers;

namespace Byoc.Connector.Channels.WebChat;

/// <summary>The page, script, style and widget embedded in the assembly (from <c>Channels/WebChat/Assets</c>).</summary>
internal static class WebChatAssets
{
    private const string ResourcePrefix = "Byoc.Connector.WebChat.";

    private static readonly Dictionary<string, WebChatAsset> s_assets = new(StringComparer.Ordinal)
    {
        ["chat.js"] = Load("chat.js", "text/javascript; charset=utf-8"),
        ["sse.js"] = Load("sse.js", "text/javascript; charset=utf-8"),
        ["chat.css"] = Load("chat.css", "text/css; charset=utf-8"),
        ["widget.js"] = Load("widget.js", "text/javascript; charset=utf-8"),
    };

    /// <summary>The page, with <c>{{title}}</c> and <c>{{channel}}</c> placeholders.</summary>
    public static string PageTemplate { get; } = Encoding.UTF8.GetString(Read("chat.html"));

    public static WebChatAsset? Find(string file) => s_assets.GetValueOrDefault(file);

    private static WebChatAsset Load(string name, string contentType)
    {
        var content = Read(name);
        var tag = new EntityTagHeaderValue($"\"{Convert.ToHexStringLower(SHA256.HashData(content))[..16]}\"");
        return new WebChatAsset(content, contentType, tag);
    }

    private static byte[] Read(string name)
    {
        using var stream = typeof(WebChatAssets).Assembly.GetManifestResourceStream(ResourcePrefix + name)
            ?? throw new InvalidOperationException($"The embedded web chat asset '{name}' is missing.");
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return buffer.ToArray();
    }
}
