namespace Byoc.Connector.Pipeline;

/// <summary>Signals the outbox delivery worker.</summary>
internal sealed class OutboxSignal
{
    public WorkSignal Signal { get; } = new();
}
