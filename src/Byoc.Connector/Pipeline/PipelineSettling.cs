namespace Byoc.Connector.Pipeline;

/// <summary>
/// Waits until the connector's queues have nothing left to claim, so that a caller can tell that something was
/// <em>not</em> sent without sleeping: after <see cref="WaitUntilSettledAsync"/> every row that was due when it was
/// called, and every row that handling those rows queued, has been delivered, retried later or dead-lettered.
/// </summary>
public sealed class PipelineSettling
{
    private readonly OutboundDeliveryWorker _outbound;
    private readonly InboundForwarderWorker _inbound;

    internal PipelineSettling(OutboundDeliveryWorker outbound, InboundForwarderWorker inbound)
    {
        _outbound = outbound;
        _inbound = inbound;
    }

    /// <summary>
    /// Wakes the outbox and inbox workers and completes after a pass of each, begun after the call, in which neither
    /// found a row to claim. A retry scheduled for later is not waited for.
    /// </summary>
    /// <param name="cancellationToken">Stops the wait; the workers go on.</param>
    /// <returns>A task that completes once both queues are settled.</returns>
    /// <exception cref="OperationCanceledException">The token was cancelled, or the connector stopped first.</exception>
    public async Task WaitUntilSettledAsync(CancellationToken cancellationToken)
    {
        bool worked;
        do
        {
            // The outbox first: a delivered message queues its acknowledgement in the inbox.
            worked = await _outbound.SettleAsync(cancellationToken);
            worked |= await _inbound.SettleAsync(cancellationToken);
        }
        while (worked);
    }
}
