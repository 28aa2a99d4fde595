namespace Byoc.TestUtilities.Platforms.Twilio;

/// <summary>A quick-reply button: its <c>id</c> comes back as <c>ButtonPayload</c> when tapped, its <c>title</c> as <c>ButtonText</c>.</summary>
public sealed record TwilioButton(string Id, string Title);
