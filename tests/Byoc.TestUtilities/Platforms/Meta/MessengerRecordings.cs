namespace Byoc.TestUtilities.Platforms.Meta;

/// <summary>Everything a <see cref="FakeMessenger"/> records.</summary>
internal sealed class MessengerRecordings
{
    public Recording<MessengerInbound> Webhooks { get; } = new();

    public Recording<WebhookAttempt> WebhookAttempts { get; } = new();

    public Recording<MessengerSentMessage> Sent { get; } = new();

    public Recording<MessengerSenderAction> SenderActions { get; } = new();

    public Recording<MessengerUpload> Uploads { get; } = new();
}
