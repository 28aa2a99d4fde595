namespace Byoc.TestUtilities.Platforms.Twilio;

/// <summary>A WhatsApp typing indicator the application sent (Typing Indicators resource, public beta).</summary>
/// <param name="MessageId">The user's message it answers (it also marks that message read).</param>
/// <param name="To">The user the message came from.</param>
/// <param name="At">When, on the fake's clock.</param>
public sealed record TwilioTypingIndicator(string MessageId, string To, DateTimeOffset At);
