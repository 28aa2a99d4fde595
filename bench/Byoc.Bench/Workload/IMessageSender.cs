namespace Byoc.Bench.Workload;

/// <summary>Sends one end-user message into the system under test and says whether it was accepted.</summary>
internal interface IMessageSender
{
    /// <summary>Sends the message; transient failures are the caller's to retry with the same <paramref name="messageId"/>.</summary>
    Task<SendOutcome> SendAsync(int user, string messageId, string text, CancellationToken cancellationToken);
}
