namespace Byoc.Connector.Diagnostics;

/// <summary>Marks the Pub/Sub stream closed when the scope that opened it ends, however it ends.</summary>
internal readonly struct StreamStateReset(ConnectorMetrics metrics) : IDisposable
{
    public void Dispose() => metrics.PubSubConnected(false);
}
