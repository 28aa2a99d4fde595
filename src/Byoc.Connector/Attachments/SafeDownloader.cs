using System.Net;
using System.Net.Sockets;
using Byoc.Connector.Diagnostics;
using Byoc.Connector.Salesforce;
using Byoc.Core.Channels;
using Byoc.Core.Delivery;
using Microsoft.Extensions.Options;

namespace Byoc.Connector.Attachments;

/// <summary>
/// Downloads a file by URL into <see cref="AttachmentFiles"/> without letting the URL reach inside the network. What a
/// download may do is its <see cref="DownloadPolicy"/>: the host (and every redirect's) must be on the policy's allow-list
/// (<see cref="AttachmentOptions.AllowedHosts"/> by default) or be its trusted origin; every connection goes only to
/// public addresses (<see cref="AddressPolicy"/>) unless it is to the trusted origin itself, an origin the operator
/// configured (the Salesforce instance for Salesforce's files; never a URL a platform or its end user supplied); the
/// policy's credentials go only to the first URL's origin; the size is capped while streaming, and the whole download has
/// a timeout. No proxy is used.
/// </summary>
internal sealed partial class SafeDownloader(
    IHttpClientFactory httpClientFactory,
    AttachmentFiles files,
    IOptions<AttachmentOptions> options,
    IOptions<SalesforceOptions> salesforce,
    TimeProvider timeProvider,
    ILogger<SafeDownloader> logger,
    UrlSecrets urlSecrets)
{
    /// <summary>The name of the <see cref="HttpClient"/> whose connections go only to public addresses.</summary>
    public const string HttpClientName = "attachments";

    /// <summary>
    /// The name of the <see cref="HttpClient"/> for policies with a trusted origin: it may connect to that origin on a
    /// private address. Kept apart so that a pooled connection to a private address is never reused by a download that
    /// does not trust it.
    /// </summary>
    public const string TrustedHttpClientName = "attachments-trusted";

    /// <summary>Carries a request's trusted origin to the connect callback.</summary>
    private static readonly HttpRequestOptionsKey<Uri> s_trustedOrigin = new("byoc.trusted-origin");

    private const int MaxRedirects = 5;

    /// <summary>The handler of <see cref="HttpClientName"/>: connects only to public addresses.</summary>
    public static SocketsHttpHandler CreateHandler() => CreateHandler((_, _) => false);

    /// <summary>The handler of <see cref="TrustedHttpClientName"/>: also connects to the request's trusted origin on a private address.</summary>
    public static SocketsHttpHandler CreateTrustedHandler() =>
        CreateHandler((endPoint, request) => request.Options.TryGetValue(s_trustedOrigin, out var origin) && IsOrigin(origin, endPoint.Host, endPoint.Port));

    /// <summary>A handler that connects only where <see cref="AddressPolicy"/> or <paramref name="mayUsePrivateAddress"/> allows.</summary>
    public static SocketsHttpHandler CreateHandler(Func<DnsEndPoint, HttpRequestMessage, bool> mayUsePrivateAddress) => new()
    {
        AllowAutoRedirect = false,
        UseProxy = false,
        UseCookies = false,
        ConnectCallback = async (context, cancellationToken) =>
        {
            var endPoint = context.DnsEndPoint;
            var addresses = IPAddress.TryParse(endPoint.Host, out var literal)
                ? [literal]
                : await Dns.GetHostAddressesAsync(endPoint.Host, cancellationToken);
            var exempt = mayUsePrivateAddress(endPoint, context.InitialRequestMessage);
            var allowed = addresses.Where(a => exempt || AddressPolicy.IsPublic(a)).ToArray();
            if (allowed.Length == 0)
            {
                throw new RefusedAddressException(endPoint.Host, addresses);
            }

            var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(allowed, endPoint.Port, cancellationToken);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        },
    };

    /// <summary>Whether the endpoint (host and port) is <paramref name="origin"/>'s.</summary>
    public static bool IsOrigin(Uri? origin, string host, int port) =>
        origin is not null && string.Equals(origin.IdnHost, host.Trim('[', ']'), StringComparison.OrdinalIgnoreCase) && origin.Port == port;

    /// <summary>A file Salesforce sent: the configured instance is the trusted origin (it may be on a private address, as the emulated org is).</summary>
    public Task<DownloadResult> DownloadAsync(Uri url, string name, string? mimeType, CancellationToken cancellationToken) =>
        DownloadAsync(url, name, mimeType, new DownloadPolicy { TrustedOrigin = salesforce.Value.InstanceUrl }, cancellationToken);

    /// <summary>A file by URL under <paramref name="policy"/>.</summary>
    public async Task<DownloadResult> DownloadAsync(Uri url, string name, string? mimeType, DownloadPolicy policy, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(url);
        ArgumentNullException.ThrowIfNull(policy);
        var settings = options.Value;
        var allowList = new HostAllowList(policy.AllowedHosts ?? settings.EffectiveAllowedHosts);
        var allowListKey = policy.AllowedHosts is null ? $"{AttachmentOptions.Section}:AllowedHosts" : "the channel's allowed hosts";
        using var timeoutCts = new CancellationTokenSource(settings.DownloadTimeout, timeProvider);
        using var linkedCts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeoutCts.Token);
        var http = httpClientFactory.CreateClient(policy.TrustedOrigin is null ? HttpClientName : TrustedHttpClientName);
        var current = url;
        try
        {
            for (var redirects = 0; ; redirects++)
            {
                if (current.Scheme is not ("https" or "http"))
                {
                    return Refuse(url, $"the URL scheme '{current.Scheme}' is not http or https");
                }

                if (!IsOrigin(policy.TrustedOrigin, current.IdnHost, current.Port) && !allowList.Allows(current.IdnHost))
                {
                    return Refuse(url, $"the host '{current.IdnHost}' is not on {allowListKey}");
                }

                using var request = new HttpRequestMessage(HttpMethod.Get, current);
                if (policy.TrustedOrigin is { } origin)
                {
                    request.Options.Set(s_trustedOrigin, origin);
                }

                if (policy.Authorization is { } authorization && SameOrigin(current, url))
                {
                    request.Headers.Authorization = authorization;
                }

                using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, linkedCts.Token);
                if ((int)response.StatusCode is >= 300 and < 400 && response.Headers.Location is { } location)
                {
                    if (redirects == MaxRedirects)
                    {
                        return Refuse(url, $"more than {MaxRedirects} redirects");
                    }

                    current = new Uri(current, location);
                    continue;
                }

                if (!response.IsSuccessStatusCode)
                {
                    var status = (int)response.StatusCode;
                    return TransientFailures.IsTransient(status)
                        ? Fail(url, $"the server answered {status}")
                        : Refuse(url, $"the server answered {status}");
                }

                if (response.Content.Headers.ContentLength > settings.MaxDownloadBytes)
                {
                    return Refuse(url, $"the file is larger than {settings.MaxDownloadBytes} bytes");
                }

                var type = mimeType ?? response.Content.Headers.ContentType?.MediaType ?? "application/octet-stream";
                await using var body = await response.Content.ReadAsStreamAsync(linkedCts.Token);
                var stored = await files.SaveAsync(name, type, body, settings.MaxDownloadBytes, linkedCts.Token);
                return stored is null
                    ? Refuse(url, $"the file is larger than {settings.MaxDownloadBytes} bytes")
                    : DownloadResult.Success(stored);
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return Fail(url, $"the download did not finish within {settings.DownloadTimeout}");
        }
        catch (HttpRequestException ex) when (ex.InnerException is RefusedAddressException refused)
        {
            return Refuse(url, refused.Message);
        }
        catch (HttpRequestException ex)
        {
            return Fail(url, $"the server could not be reached: {ex.Message}");
        }
    }

    private static bool SameOrigin(Uri a, Uri b) =>
        string.Equals(a.Scheme, b.Scheme, StringComparison.OrdinalIgnoreCase) && IsOrigin(b, a.IdnHost, a.Port);

    private DownloadResult Refuse(Uri url, string reason)
    {
        Log.DownloadRefused(logger, urlSecrets.Redact(url), reason);
        return DownloadResult.Refused(reason);
    }

    private DownloadResult Fail(Uri url, string reason)
    {
        Log.DownloadFailed(logger, urlSecrets.Redact(url), reason);
        return DownloadResult.Failed(reason);
    }

    /// <summary>A connection the address policy forbids.</summary>
    private sealed class RefusedAddressException(string host, IReadOnlyList<IPAddress> addresses)
        : IOException($"the host '{host}' resolves only to non-public addresses ({string.Join(", ", addresses)})");
}
