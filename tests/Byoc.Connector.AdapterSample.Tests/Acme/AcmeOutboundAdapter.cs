using System.Collections.Concurrent;
using Byoc.Core.Channels;
using Byoc.Core.Delivery;
using Byoc.Core.Messages;

namespace Byoc.Connector.AdapterSample.Tests.Acme;

/// <summary>A throw-away outbound half: keeps what it was asked to show instead of calling a platform.</summary>
internal sealed class AcmeOutboundAdapter : IOutboundChannelAdapter
{
    /// <summary>Everything sent, in order.</summary>
    public ConcurrentQueue<OutboundMessage> Sent { get; } = new();

    /// <inheritdoc/>
    public Task<DeliveryOutcome> SendAsync(OutboundMessage message, CancellationToken cancellationToken)
    {
        Sent.Enqueue(message);
        return Task.FromResult(DeliveryOutcome.Succeeded);
    }
}
