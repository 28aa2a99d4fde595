namespace Byoc.Core.Channels;

/// <summary>
/// A platform's HTTP request to the connector's front door (<c>/channels/{channel}</c> and its aliases), read once and
/// handed to the channel's <see cref="IInboundChannelAdapter"/> before anything is parsed. Everything a platform signs is
/// here as it arrived: the public URL it called, the query and form fields, the headers and the raw body.
/// </summary>
public sealed class InboundRequest
{
    private static readonly IReadOnlyDictionary<string, string> s_noHeaders = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

    /// <summary>The configured channel name the request was addressed to; use it as <c>InboundMessage.Channel</c>.</summary>
    public required string Channel { get; init; }

    /// <summary>The HTTP method, upper case: <c>POST</c> for deliveries, <c>GET</c> for verification handshakes.</summary>
    public string Method { get; init; } = "POST";

    /// <summary>
    /// The absolute URL the platform called (scheme, host, port, path and query), as platforms that sign URLs (Twilio)
    /// compute it: the connector's public base URL (<c>Connector:Channels:PublicBaseUrl</c>, or the channel's own) plus
    /// the request's path and query, or the trusted proxy's forwarded scheme and host. Null when neither is configured:
    /// the connector never builds it from a <c>Host</c> header it cannot trust.
    /// </summary>
    public Uri? PublicUrl { get; init; }

    /// <summary>
    /// The path after the channel, without the leading slash: empty for <c>/channels/{channel}</c>, <c>status</c> for
    /// <c>/channels/{channel}/status</c> (for example a platform's status callback URL).
    /// </summary>
    public string Path { get; init; } = string.Empty;

    /// <summary>The query string's fields, in order (a platform may add its own and the operator's URL may carry some).</summary>
    public InboundFields Query { get; init; } = InboundFields.Empty;

    /// <summary>The fields of an <c>application/x-www-form-urlencoded</c> body, parsed once from <see cref="Body"/>; else empty.</summary>
    public InboundFields Form { get; init; } = InboundFields.Empty;

    /// <summary>Request headers; look-ups are case-insensitive and repeated headers are joined with <c>", "</c>.</summary>
    public IReadOnlyDictionary<string, string> Headers { get; init; } = s_noHeaders;

    /// <summary>The raw body, exactly as it arrived (signatures are computed over these bytes); empty for a <c>GET</c>.</summary>
    public ReadOnlyMemory<byte> Body { get; init; }

    /// <summary>The <c>Content-Type</c> header, or null.</summary>
    public string? ContentType { get; init; }

    /// <summary>The media type of <see cref="ContentType"/> in lower case, without parameters (<c>application/json</c>), or null.</summary>
    public string? MediaType => ContentType?.Split(';')[0].Trim().ToLowerInvariant() is { Length: > 0 } type ? type : null;

    /// <summary>Returns a header value, or null.</summary>
    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;
}
