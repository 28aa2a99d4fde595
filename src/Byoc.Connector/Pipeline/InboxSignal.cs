namespace Byoc.Connector.Pipeline;

/// <summary>Signals the inbox forwarder.</summary>
internal sealed class InboxSignal
{
    public WorkSignal Signal { get; } = new();
}
