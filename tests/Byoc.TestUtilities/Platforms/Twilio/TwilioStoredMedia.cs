namespace Byoc.TestUtilities.Platforms.Twilio;

/// <summary>A user's attachment the fake serves at its media URL.</summary>
internal sealed record TwilioStoredMedia(string MessageSid, string MediaSid, string ContentType, byte[] Content);
