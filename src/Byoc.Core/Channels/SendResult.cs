namespace Byoc.Core.Channels;

/// <summary>The result value of one send to a platform.</summary>
/// <param name="Outcome">Delivered, retryable or permanent failure.</param>
/// <param name="Error">A short, secret-free description of a failure.</param>
internal readonly record struct SendResult(SendOutcome Outcome, string? Error = null)
{
    /// <summary>A successful send.</summary>
    public static SendResult Delivered { get; } = new(SendOutcome.Delivered);

    /// <summary>A failure worth retrying.</summary>
    public static SendResult Retryable(string error) => new(SendOutcome.RetryableFailure, error);

    /// <summary>A failure not worth retrying.</summary>
    public static SendResult Permanent(string error) => new(SendOutcome.PermanentFailure, error);
}
