namespace Byoc.TestUtilities.Platforms.Twilio;

/// <summary>A message the application created through <c>POST …/Messages.json</c>, as the fake holds it now.</summary>
/// <param name="Sid">Its SID (<c>SM</c>…, or <c>MM</c>… with media).</param>
/// <param name="From">The sender used (the Messaging Service picks one when the request named none).</param>
/// <param name="To">The recipient.</param>
/// <param name="Body">The text, or null.</param>
/// <param name="MessagingServiceSid">The Messaging Service named, or null.</param>
/// <param name="MediaUrls">The <c>MediaUrl</c> values, in order.</param>
/// <param name="ContentSid">The Content API template or rich content, or null.</param>
/// <param name="ContentVariables">Its JSON variables, or null.</param>
/// <param name="StatusCallback">Where status callbacks go, or null.</param>
/// <param name="Status">The latest status (<c>queued</c>, <c>accepted</c>, <c>sent</c>, <c>delivered</c>, <c>read</c>, <c>failed</c>, <c>undelivered</c>).</param>
/// <param name="ErrorCode">The error of a failed or undelivered message (63016 outside the WhatsApp window), or null.</param>
/// <param name="DateCreated">When it was created, on the fake's clock.</param>
/// <param name="Form">Every form field posted, in order.</param>
/// <param name="ContentText">For a <c>ContentSid</c> the application created here: the body the user sees, its variables filled in; else null.</param>
/// <param name="Buttons">For such a quick-reply content: the buttons the user sees; else empty.</param>
public sealed record TwilioSentMessage(
    string Sid,
    string From,
    string To,
    string? Body,
    string? MessagingServiceSid,
    IReadOnlyList<Uri> MediaUrls,
    string? ContentSid,
    string? ContentVariables,
    Uri? StatusCallback,
    string Status,
    int? ErrorCode,
    DateTimeOffset DateCreated,
    IReadOnlyList<KeyValuePair<string, string>> Form,
    string? ContentText = null,
    IReadOnlyList<TwilioButton>? Buttons = null)
{
    /// <summary>True for a message to a <c>whatsapp:</c> address.</summary>
    public bool IsWhatsApp => To.StartsWith("whatsapp:", StringComparison.Ordinal);

    /// <summary>The quick-reply buttons shown with the message (none for plain text).</summary>
    public IReadOnlyList<TwilioButton> QuickReplies => Buttons ?? [];
}
