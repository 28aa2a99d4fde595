namespace Byoc.Cli.Up;

/// <summary>A listener of <c>byoc up</c> could not bind because its port is taken.</summary>
internal sealed class PortInUseException(string listener, string address, Exception innerException)
    : Exception($"{listener}: {address} is already in use.", innerException)
{
    /// <summary>Which listener failed, for example <c>the connector</c>.</summary>
    public string Listener { get; } = listener;

    /// <summary>The address (with its port) that is taken.</summary>
    public string Address { get; } = address;
}
