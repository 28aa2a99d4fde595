using System.Net;
using System.Net.Sockets;

namespace Byoc.TestUtilities;

/// <summary>
/// A free loopback port for a server that must be told its port before it starts. Prefer binding port 0 and reading the
/// bound address back (<see cref="LoopbackServer"/>, <c>byoc up --port 0</c>, which prints its addresses): a reserved
/// port is released before the server binds it, so another process can take it in between. Use this only where the
/// port is part of the server's own configuration (a connector whose reply sink lives on itself, or one restarted on
/// the same address after a crash).
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
