namespace Byoc.TestUtilities.Platforms.Twilio;

/// <summary>
/// Plays the tunnel or reverse proxy in front of an application (ngrok, a load balancer): requests the fake makes to the
/// public base URL (webhooks, status callbacks, media fetches) are sent to the local address instead, while the URL stays
/// the public one for signing, as an application behind a proxy with a configured public base URL sees it.
/// </summary>
internal sealed class TwilioTunnel : DelegatingHandler
{
    private volatile Route? _route;

    public TwilioTunnel(HttpMessageHandler inner)
        : base(inner)
    {
    }

    public void Map(Uri publicBaseUrl, Uri localBaseUrl) => _route = new Route(publicBaseUrl, localBaseUrl);

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (_route is { } route && request.RequestUri is { } uri
            && Uri.Compare(uri, route.Public, UriComponents.SchemeAndServer, UriFormat.Unescaped, StringComparison.OrdinalIgnoreCase) == 0)
        {
            request.RequestUri = new UriBuilder(route.Local) { Path = uri.AbsolutePath, Query = uri.Query.TrimStart('?') }.Uri;
        }

        return base.SendAsync(request, cancellationToken);
    }

    private sealed record Route(Uri Public, Uri Local);
}
