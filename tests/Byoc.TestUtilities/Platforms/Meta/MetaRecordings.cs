namespace Byoc.TestUtilities.Platforms.Meta;

/// <summary>Everything a <see cref="FakeMeta"/> records.</summary>
internal sealed class MetaRecordings
{
    public Recording<WhatsAppInbound> Webhooks { get; } = new();

    public Recording<WebhookAttempt> WebhookAttempts { get; } = new();

    public Recording<WhatsAppSentMessage> Sent { get; } = new();

    public Recording<WhatsAppReadReceipt> ReadReceipts { get; } = new();
}
