using System.Collections.Concurrent;
using System.Text.RegularExpressions;

namespace Byoc.Connector.Diagnostics;

/// <summary>
/// Secrets that travel inside URL paths (a Telegram bot token: <c>/bot&lt;token&gt;/sendMessage</c>,
/// <c>/file/bot&lt;token&gt;/…</c>), registered by the channel that owns them, so that every URL the connector logs or traces
/// is shown with them replaced: the HTTP client logs (<see cref="RedactingHttpClientLogger"/>), the downloader's logs and
/// the <c>url.full</c> of HTTP client spans (<see cref="RedactingActivityProcessor"/>). The user-info of any URL
/// (<c>https://user:password@host/</c>, which an end user's attachment URL may carry) is always replaced too.
/// </summary>
internal sealed partial class UrlSecrets
{
    /// <summary>What a secret is replaced with.</summary>
    public const string Mask = "<redacted>";

    private readonly ConcurrentDictionary<string, byte> _secrets = new(StringComparer.Ordinal);

    /// <summary>Registers a secret; empty values are ignored.</summary>
    public void Add(string? secret)
    {
        if (!string.IsNullOrEmpty(secret))
        {
            _secrets.TryAdd(secret, 0);
        }
    }

    /// <summary>The text with every registered secret replaced by <see cref="Mask"/>.</summary>
    public string Redact(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        text = UserInfo().Replace(text, "${scheme}" + Mask + "@");
        foreach (var secret in _secrets.Keys)
        {
            text = text.Replace(secret, Mask, StringComparison.Ordinal);
            // An escaped form too: Uri.AbsoluteUri escapes nothing of a token's characters, but a caller may have escaped it.
            var escaped = Uri.EscapeDataString(secret);
            if (escaped != secret)
            {
                text = text.Replace(escaped, Mask, StringComparison.Ordinal);
            }
        }

        return text;
    }

    /// <summary>The URL without its query (as .NET's own HTTP logs show it) and with every registered secret replaced.</summary>
    public string Redact(Uri? url) => url is null ? "" : Redact(url.IsAbsoluteUri ? url.GetLeftPart(UriPartial.Path) : url.OriginalString.Split('?')[0]);

    /// <summary>The user-info of a URL in text: what lies between <c>scheme://</c> and the first <c>@</c> of the authority.</summary>
    [GeneratedRegex(@"(?<scheme>\b[a-zA-Z][a-zA-Z0-9+.-]*://)[^/?#@\s]+@")]
    private static partial Regex UserInfo();
}
