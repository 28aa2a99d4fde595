using System.Net;

namespace Byoc.Emulator.Hosting;

/// <summary>
/// The addresses the three listeners actually bound (port 0 resolves at start). Read them after the application started;
/// requests are only served after that, so handlers may always use them.
/// </summary>
public sealed class EmulatorAddresses
{
    private readonly Dictionary<EmulatorListener, (Func<IPEndPoint> EndPoint, bool Tls)> _listeners = [];

    /// <summary>The org instance URL (My Domain): OAuth token endpoint, REST, console.</summary>
    public Uri InstanceUrl => Url(EmulatorListener.Instance);

    /// <summary>The Interaction Service API (SCRT2) URL.</summary>
    public Uri ScrtUrl => Url(EmulatorListener.Scrt);

    /// <summary>The Pub/Sub API gRPC URL (https when TLS is on).</summary>
    public Uri PubSubUrl => Url(EmulatorListener.PubSub);

    /// <summary>True when the Pub/Sub listener serves TLS with the local CA.</summary>
    public bool PubSubTls => _listeners.TryGetValue(EmulatorListener.PubSub, out var l) && l.Tls;

    /// <summary>The login URL clients post JWT assertions to (the instance; it also answers <c>login.salesforce.com</c> audiences).</summary>
    public Uri LoginUrl => InstanceUrl;

    internal void Register(EmulatorListener listener, Func<IPEndPoint> endPoint, bool tls) => _listeners[listener] = (endPoint, tls);

    internal int PortOf(EmulatorListener listener) => _listeners[listener].EndPoint().Port;

    internal Uri Url(EmulatorListener listener)
    {
        var (endPoint, tls) = _listeners[listener];
        var bound = endPoint();
        var host = bound.Address.Equals(IPAddress.Any) || bound.Address.Equals(IPAddress.IPv6Any) ? "127.0.0.1" : bound.Address.ToString();
        return new Uri($"{(tls ? "https" : "http")}://{host}:{bound.Port}");
    }
}
