namespace Byoc.TestUtilities.Platforms.Twilio;

/// <summary>One GET the fake made of a <c>MediaUrl</c>, as Twilio fetches each before sending an MMS or WhatsApp media message.</summary>
/// <param name="MessageSid">The message it belongs to.</param>
/// <param name="Url">The URL fetched.</param>
/// <param name="StatusCode">The HTTP status, or null when no answer came.</param>
/// <param name="ContentType">The answer's content type, or null.</param>
/// <param name="Content">The bytes fetched (null unless 2xx).</param>
/// <param name="Error">Why the fetch failed, or null when it succeeded.</param>
public sealed record TwilioMediaFetch(string MessageSid, Uri Url, int? StatusCode, string? ContentType, byte[]? Content, string? Error)
{
    /// <summary>True when the media came back 2xx.</summary>
    public bool Succeeded => Error is null;
}
