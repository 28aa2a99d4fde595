namespace Byoc.TestUtilities.Platforms;

/// <summary>One injected failure of a fake platform's API, answered in that platform's error shape.</summary>
/// <param name="StatusCode">The HTTP status to answer (5xx for a server error, 429 for a rate limit).</param>
/// <param name="RetryAfter">For a 429: the wait the platform asks for (Telegram's <c>retry_after</c>, Twilio's <c>Retry-After</c>).</param>
public sealed record PlatformFault(int StatusCode, TimeSpan? RetryAfter = null);
