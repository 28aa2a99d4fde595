using System.Net;
using System.Net.Sockets;
using Byoc.Connector.Salesforce;
using Byoc.Core.Delivery;
using Microsoft.Extensions.Options;

namespace Byoc.Connector.Attachments;

/// <summary>
/// Downloads a file by URL into <see cref="AttachmentFiles"/> without letting the URL reach inside the network: the host
/// must be on <see cref="AttachmentOptions.AllowedHosts"/> (or be the configured Salesforce instance), every connection —
/// redirects included — goes only to public addresses (<see cref="AddressPolicy"/>) unless it is to the Salesforce
/// instance itself, the size is capped while streaming, and the whole download has a timeout. No proxy is used.
/// </summary>
internal sealed partial class SafeDownloader(
    IHttpClientFactory httpClientFactory,
    AttachmentFiles files,
    IOptions<AttachmentOptions> options,
    IOptions<SalesforceOptions> salesforce,
    TimeProvider timeProvider,
    ILogger<SafeDownloader> logger)
{
    /// <summary>The name of the <see cref="HttpClient"/> with the connect-time address check.</summary>
    public const string HttpClientName = "attachments";

    private const int MaxRedirects = 5;

    /// <summary>The handler for <see cref="HttpClientName"/>: connects only where <see cref="AddressPolicy"/> or the exemption allows.</summary>
    public static SocketsHttpHandler CreateHandler(Func<DnsEndPoint, bool> mayUsePrivateAddress) => new()
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
            var exempt = mayUsePrivateAddress(endPoint);
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

    /// <summary>Whether the endpoint is the configured Salesforce instance (host and port), which may be on a private address.</summary>
    public static bool IsInstance(Uri? instanceUrl, string host, int port) =>
        instanceUrl is not null && string.Equals(instanceUrl.IdnHost, host.Trim('[', ']'), StringComparison.OrdinalIgnoreCase)
        && instanceUrl.Port == port;

    public async Task<DownloadResult> DownloadAsync(Uri url, string name, string? mimeType, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(url);
        var settings = options.Value;
        var allowList = new HostAllowList(settings.EffectiveAllowedHosts);
        using var timeoutCts = new CancellationTokenSource(settings.DownloadTimeout, timeProvider);
        using var linkedCts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeoutCts.Token);
        var http = httpClientFactory.CreateClient(HttpClientName);
        var current = url;
        try
        {
            for (var redirects = 0; ; redirects++)
            {
                if (current.Scheme is not ("https" or "http"))
                {
                    return Refuse(url, $"the URL scheme '{current.Scheme}' is not http or https");
                }

                if (!IsInstance(salesforce.Value.InstanceUrl, current.IdnHost, current.Port) && !allowList.Allows(current.IdnHost))
                {
                    return Refuse(url, $"the host '{current.IdnHost}' is not on {AttachmentOptions.Section}:AllowedHosts");
                }

                using var response = await http.GetAsync(current, HttpCompletionOption.ResponseHeadersRead, linkedCts.Token);
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

    private DownloadResult Refuse(Uri url, string reason)
    {
        Log.DownloadRefused(logger, url.GetLeftPart(UriPartial.Path), reason);
        return DownloadResult.Refused(reason);
    }

    private DownloadResult Fail(Uri url, string reason)
    {
        Log.DownloadFailed(logger, url.GetLeftPart(UriPartial.Path), reason);
        return DownloadResult.Failed(reason);
    }

    /// <summary>A connection the address policy forbids.</summary>
    private sealed class RefusedAddressException(string host, IReadOnlyList<IPAddress> addresses)
        : IOException($"the host '{host}' resolves only to non-public addresses ({string.Join(", ", addresses)})");
}
