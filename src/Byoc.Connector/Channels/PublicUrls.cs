using System.Net;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;

namespace Byoc.Connector.Channels;

/// <summary>
/// The public URL of a front-door request, as the platform called it: a configured base URL (the channel's, else
/// <see cref="ChannelDoorOptions.PublicBaseUrl"/>) plus the request target as received; else, for a request from a
/// trusted proxy, the proxy's forwarded scheme, host and prefix plus the target; else none. A client's own <c>Host</c>
/// header is never used.
/// </summary>
internal sealed class PublicUrls(IOptions<ChannelDoorOptions> options)
{
    private readonly Lazy<IPNetwork[]> _trustedProxies = new(() =>
        [.. options.Value.TrustedProxies.Select(ChannelDoorOptionsValidator.ParseNetwork).OfType<IPNetwork>()]);

    public Uri? For(HttpRequest request, Uri? channelBaseUrl)
    {
        ArgumentNullException.ThrowIfNull(request);
        var target = Target(request);
        if ((channelBaseUrl ?? options.Value.PublicBaseUrl) is { } baseUrl)
        {
            return new Uri(baseUrl.AbsoluteUri.TrimEnd('/') + target);
        }

        if (!IsTrustedProxy(request.HttpContext.Connection.RemoteIpAddress))
        {
            return null;
        }

        // The proxy next to us appended the last value; earlier ones came from further away (or from the client).
        var scheme = Last(request.Headers["X-Forwarded-Proto"]) ?? request.Scheme;
        var host = Last(request.Headers["X-Forwarded-Host"]) ?? request.Host.Value;
        var prefix = Last(request.Headers["X-Forwarded-Prefix"])?.TrimEnd('/') ?? string.Empty;
        return scheme is "http" or "https" && IsHost(host) && (prefix.Length == 0 || prefix[0] == '/')
            && Uri.TryCreate($"{scheme}://{host}{prefix}{target}", UriKind.Absolute, out var url)
            ? url
            : null;
    }

    private bool IsTrustedProxy(IPAddress? address)
    {
        if (address is null)
        {
            return false;
        }

        var remote = address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;
        return _trustedProxies.Value.Any(network => network.Contains(remote));
    }

    /// <summary>The path and query exactly as the request line carried them.</summary>
    private static string Target(HttpRequest request)
    {
        var raw = request.HttpContext.Features.Get<IHttpRequestFeature>()?.RawTarget;
        return raw is { Length: > 0 } && raw[0] == '/' ? raw : $"{request.PathBase}{request.Path}{request.QueryString}";
    }

    /// <summary>A host with an optional port and nothing else (no user info, path or query smuggled in).</summary>
    private static bool IsHost(string? host) =>
        !string.IsNullOrEmpty(host) && host.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or ':' or '[' or ']');

    private static string? Last(Microsoft.Extensions.Primitives.StringValues values) =>
        values.Count == 0 ? null : values[^1]?.Split(',')[^1].Trim() is { Length: > 0 } value ? value : null;
}
