namespace Byoc.TestUtilities.Platforms.Twilio;

/// <summary>A Content API resource the application created (<c>POST /v1/Content</c>).</summary>
/// <param name="Sid">Its SID, <c>HX</c> and 32 hex digits.</param>
/// <param name="FriendlyName">The application's name for it, or null.</param>
/// <param name="Language">Its language code.</param>
/// <param name="Types">The content type names it holds (<c>twilio/quick-reply</c>, <c>twilio/text</c>, …).</param>
/// <param name="QuickReplyBody">The <c>twilio/quick-reply</c> body (with <c>{{n}}</c> variables), or null.</param>
/// <param name="Buttons">The quick-reply buttons, in order.</param>
/// <param name="Variables">The default variable values.</param>
public sealed record TwilioContent(
    string Sid,
    string? FriendlyName,
    string Language,
    IReadOnlyList<string> Types,
    string? QuickReplyBody,
    IReadOnlyList<TwilioButton> Buttons,
    IReadOnlyDictionary<string, string> Variables);
