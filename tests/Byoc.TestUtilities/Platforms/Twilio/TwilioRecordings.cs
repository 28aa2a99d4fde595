namespace Byoc.TestUtilities.Platforms.Twilio;

/// <summary>Everything a <see cref="FakeTwilio"/> records, shared by the REST API, the delivery and the fake.</summary>
internal sealed class TwilioRecordings
{
    public Recording<TwilioInboundMessage> Inbound { get; } = new();

    public Recording<WebhookAttempt> WebhookAttempts { get; } = new();

    public Recording<TwilioSentMessage> Sent { get; } = new();

    public Recording<TwilioSentMessage> Statuses { get; } = new();

    public Recording<TwilioMediaFetch> MediaFetches { get; } = new();

    public Recording<TwilioTypingIndicator> TypingIndicators { get; } = new();

    public Recording<TwilioContent> Contents { get; } = new();
}
