using System.Security.Cryptography;
using System.Text;
using Microsoft.Net.Http.Headers;

namespace Byoc.Connector.Channels.WebChat;

/// <summary>The page, script, style and widget embedded in the assembly (from <c>Channels/WebChat/Assets</c>).</summary>
internal static class WebChatAssets
{
    private const string ResourcePrefix = "Byoc.Connector.WebChat.";

    private const string PageName = "chat.html";

    // Every embedded script and style: the page's ES modules import each other by file name, so a module added to
    // Assets/ is served without a change here.
    private static readonly Dictionary<string, WebChatAsset> s_assets = typeof(WebChatAssets).Assembly
        .GetManifestResourceNames()
        .Where(resource => resource.StartsWith(ResourcePrefix, StringComparison.Ordinal))
        .Select(resource => resource[ResourcePrefix.Length..])
        .Where(name => name != PageName)
        .ToDictionary(name => name, Load, StringComparer.Ordinal);

    /// <summary>The page, with <c>{{title}}</c> and <c>{{channel}}</c> placeholders.</summary>
    public static string PageTemplate { get; } = Encoding.UTF8.GetString(Read(PageName));

    public static WebChatAsset? Find(string file) => s_assets.GetValueOrDefault(file);

    private static WebChatAsset Load(string name)
    {
        var contentType = Path.GetExtension(name) switch
        {
            ".js" => "text/javascript; charset=utf-8",
            ".css" => "text/css; charset=utf-8",
            var other => throw new InvalidOperationException($"The embedded web chat asset '{name}' has no known content type ('{other}')."),
        };
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
