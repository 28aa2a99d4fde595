using Byoc.Core.Delivery;
using Byoc.Core.Messages;

namespace Byoc.Core.Channels;

/// <summary>
/// The outbound half of a platform: shows one canonical message (text, choices, typing, progress, files, notices) to the
/// end user. The outbox worker calls it in per-conversation order, retries, dead-letters and reports
/// MessageDeliveryFailed to Salesforce; the adapter only says how the attempt ended.
/// </summary>
public interface IOutboundChannelAdapter
{
    /// <summary>
    /// Sends one message. Expected failures are result values, never exceptions: <see cref="DeliveryOutcome.Succeeded"/>,
    /// <see cref="DeliveryOutcome.Retryable"/> (timeouts, network errors, <see cref="TransientFailures.IsTransient"/>
    /// statuses, with the platform's <c>Retry-After</c> when it gave one) or <see cref="DeliveryOutcome.Permanent"/>.
    /// </summary>
    Task<DeliveryOutcome> SendAsync(OutboundMessage message, CancellationToken cancellationToken);
}
