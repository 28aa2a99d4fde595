using Byoc.Emulator.Hosting;

namespace Byoc.Bench.Hosting;

/// <summary>
/// The connector's configuration arguments for the emulated org: SQLite at the given path and one channel on the seeded
/// channel address: the generic webhook channel <c>webhook</c> delivering to the sink, or the Telegram channel
/// <c>telegram</c> on the local Telegram fake.
/// </summary>
internal static class ConnectorConfiguration
{
    public const string WebhookChannel = "webhook";

    public const string TelegramChannel = "telegram";

    public static List<string> For(EmulatorCredentials credentials, string webhookSecret, string databasePath, Uri outboundUrl)
    {
        var address = Address(credentials);
        return
        [
            .. Common(credentials, databasePath),
            $"--Connector:Webhook:Channels:{WebhookChannel}:ChannelAddressIdentifier={address}",
            $"--Connector:Webhook:Channels:{WebhookChannel}:Secret={webhookSecret}",
            $"--Connector:Webhook:Channels:{WebhookChannel}:OutboundUrl={outboundUrl}",
        ];
    }

    /// <summary>The Telegram channel (docs/telegram-channel.md) pointed at the fake's Bot API; the webhook is set by the harness.</summary>
    public static List<string> ForTelegram(EmulatorCredentials credentials, string databasePath, Uri apiBaseUrl, string botToken, string secretToken)
    {
        var address = Address(credentials);
        return
        [
            .. Common(credentials, databasePath),
            $"--Connector:Telegram:Channels:{TelegramChannel}:ChannelAddressIdentifier={address}",
            $"--Connector:Telegram:Channels:{TelegramChannel}:BotToken={botToken}",
            $"--Connector:Telegram:Channels:{TelegramChannel}:SecretToken={secretToken}",
            $"--Connector:Telegram:Channels:{TelegramChannel}:ApiBaseUrl={apiBaseUrl}",
        ];
    }

    private static string Address(EmulatorCredentials credentials) => credentials.ChannelAddressIdentifier
        ?? throw new InvalidOperationException("The emulated org has no BYOC messaging channel.");

    private static List<string> Common(EmulatorCredentials credentials, string databasePath) =>
        [
            "--Connector:Storage:Provider=Sqlite",
            "--Connector:Storage:Path=" + databasePath,
            .. credentials.ConnectorSalesforceArguments(),
            "--Logging:LogLevel:Default=Warning",
            // Subscribe, reconnect and stream-end lines, so a fault or crash run's log shows how the subscription recovered.
            "--Logging:LogLevel:Byoc.Connector.Salesforce.PubSub=Information",
        ];
}
