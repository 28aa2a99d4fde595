namespace Byoc.TestUtilities.Platforms;

/// <summary>One HTTP request a fake platform made to a webhook, and how it ended.</summary>
/// <param name="Id">What was delivered: a Telegram <c>update_id</c>, or a Twilio <c>MessageSid</c> with its status.</param>
/// <param name="Url">The URL called (for Twilio, without its connection-override fragment).</param>
/// <param name="Attempt">1 for the first try, 2 for the first retry, and so on.</param>
/// <param name="StatusCode">The receiver's HTTP status; null when no answer came (refused, reset or timed out).</param>
/// <param name="Error">Why no answer came; null when one did.</param>
/// <param name="At">When the request was sent, on the fake's clock.</param>
/// <param name="Headers">The platform headers sent (signature, secret token).</param>
/// <param name="Body">The exact body sent.</param>
public sealed record WebhookAttempt(
    string Id,
    Uri Url,
    int Attempt,
    int? StatusCode,
    string? Error,
    DateTimeOffset At,
    IReadOnlyDictionary<string, string> Headers,
    byte[] Body)
{
    /// <summary>True when the receiver answered 2xx.</summary>
    public bool Succeeded => StatusCode is >= 200 and < 300;
}
