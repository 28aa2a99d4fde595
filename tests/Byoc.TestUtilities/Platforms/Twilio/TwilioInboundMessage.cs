namespace Byoc.TestUtilities.Platforms.Twilio;

/// <summary>A message a user sent to the account's number, as the fake posted it to the webhook.</summary>
/// <param name="MessageSid">Its SID (<c>SM</c>… for text, <c>MM</c>… with media).</param>
/// <param name="From">The user: <c>+E164</c>, or <c>whatsapp:+E164</c>.</param>
/// <param name="To">The account's number it was sent to.</param>
/// <param name="Body">The text (empty when none).</param>
/// <param name="MediaUrls">The <c>MediaUrl{N}</c> the fake serves behind basic auth.</param>
/// <param name="Parameters">Every form parameter posted, in order.</param>
public sealed record TwilioInboundMessage(
    string MessageSid,
    string From,
    string To,
    string Body,
    IReadOnlyList<Uri> MediaUrls,
    IReadOnlyList<KeyValuePair<string, string>> Parameters)
{
    /// <summary>The value of one posted parameter, or null.</summary>
    public string? this[string name] => Parameters.FirstOrDefault(pair => pair.Key == name).Value;
}
