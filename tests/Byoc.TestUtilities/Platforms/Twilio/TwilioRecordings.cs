namespace Byoc.TestUtilities.Platforms.Twilio;

/// <summary>Everything a <see cref="FakeTwilio"/> records.</summary>
internal sealed class TwilioRecordings
{
    public Recording<TwilioInboundMessage> Inbound { get; } = new();

    public Recording<WebhookAttempt> WebhookAttempts { get; } = new();

    public Recording<TwilioSentMessage> Sent { get; } = new();

    public Recording<TwilioMediaFetch> MediaFetches { get; } = new();
}
