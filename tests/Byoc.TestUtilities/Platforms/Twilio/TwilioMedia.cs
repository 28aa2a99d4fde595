namespace Byoc.TestUtilities.Platforms.Twilio;

/// <summary>A file a user attaches to an MMS or WhatsApp message; the fake serves it behind basic auth.</summary>
/// <param name="ContentType">Its MIME type, sent as <c>MediaContentType{N}</c>.</param>
/// <param name="Content">Its bytes.</param>
public sealed record TwilioMedia(string ContentType, byte[] Content);
