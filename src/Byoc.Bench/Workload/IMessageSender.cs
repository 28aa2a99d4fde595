using Byoc.Core.Delivery;

namespace Byoc.Bench.Workload;

/// <summary>
/// Sends one end-user message into the system under test and says whether it was accepted (succeeded), is worth retrying
/// with the same id (retryable: connection refused, timeout, or a status <see cref="TransientFailures"/> calls transient) or
/// was refused for good (permanent: counted as an error).
/// </summary>
internal interface IMessageSender
{
    /// <summary>Sends the message; transient failures are the caller's to retry with the same <paramref name="messageId"/>.</summary>
    Task<DeliveryOutcomeKind> SendAsync(int user, string messageId, string text, CancellationToken cancellationToken);
}
