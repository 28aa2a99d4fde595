namespace Byoc.Platforms.Tests.Twilio;

/// <summary>
/// Sends the Twilio library's requests to the fake: the library has no base-URL setting (its hosts are fixed, such as
/// <c>api.twilio.com</c>), but it takes any <see cref="HttpClient"/> through <c>SystemNetHttpClient</c>, so this handler
/// keeps each request's path and query and swaps the scheme, host and port.
/// </summary>
internal sealed class ToFakeTwilioHandler(Uri fake) : DelegatingHandler(new SocketsHttpHandler())
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        request.RequestUri = new Uri(fake, request.RequestUri!.PathAndQuery);
        return base.SendAsync(request, cancellationToken);
    }
}
