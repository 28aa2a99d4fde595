using System.Diagnostics;
using OpenTelemetry;

namespace Byoc.Connector.Diagnostics;

/// <summary>
/// Redacts <see cref="UrlSecrets"/> from the URL tags of spans before they are exported: .NET's HTTP client spans carry
/// <c>url.full</c> with the path, where the Bot API has the bot token. Registered before the exporters, which run after it.
/// </summary>
internal sealed class RedactingActivityProcessor(UrlSecrets secrets) : BaseProcessor<Activity>
{
    private static readonly string[] s_urlTags = ["url.full", "url.path", "http.url", "http.target"];

    public override void OnEnd(Activity data)
    {
        ArgumentNullException.ThrowIfNull(data);
        foreach (var tag in s_urlTags)
        {
            if (data.GetTagItem(tag) is string value && secrets.Redact(value) is var redacted && redacted != value)
            {
                data.SetTag(tag, redacted);
            }
        }
    }
}
