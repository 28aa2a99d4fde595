using System.Net;
using System.Net.Sockets;

namespace Byoc.TestUtilities;

/// <summary>
/// A free loopback port for a server that must be told its port before it starts. Everywhere else, bind port 0 and read
/// the bound address back (<see cref="LoopbackServer"/> in this process; <c>byoc connector --urls http://127.0.0.1:0</c>
/// prints <c>listening on …</c> for another process): a reserved port is released before the server binds it, so another
/// process can take it in between. The only user is a connector whose reply sink lives on itself (the sink's URL is part
/// of the connector's configuration, read before Kestrel binds), as <c>byoc up</c> does without <c>--webhook-url</c>.
/// </summary>
public static class LoopbackPort
{
    /// <summary>A port that was free on 127.0.0.1 a moment ago.</summary>
    public static int Reserve()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
