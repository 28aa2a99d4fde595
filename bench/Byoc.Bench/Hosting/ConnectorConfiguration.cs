using Byoc.Emulator.Hosting;

namespace Byoc.Bench.Hosting;

/// <summary>
/// The connector's configuration arguments for the emulated org: SQLite at the given path and one webhook
/// channel, <c>webhook</c>, on the seeded channel address, delivering to the sink.
/// </summary>
internal static class ConnectorConfiguration
{
    public const string WebhookChannel = "webhook";

    public static List<string> For(EmulatorCredentials credentials, string webhookSecret, string databasePath, Uri outboundUrl)
    {
        var address = credentials.ChannelAddressIdentifier
            ?? throw new InvalidOperationException("The emulated org has no BYOC messaging channel.");
        return
        [
            "--Connector:Storage:Provider=Sqlite",
            "--Connector:Storage:Path=" + databasePath,
            "--Connector:Salesforce:LoginUrl=" + credentials.LoginUrl,
            "--Connector:Salesforce:ConsumerKey=" + credentials.ConsumerKey,
            "--Connector:Salesforce:Username=" + credentials.Username,
            "--Connector:Salesforce:PrivateKeyPath=" + credentials.PrivateKeyFile,
            "--Connector:Salesforce:OrgId=" + credentials.OrgId,
            "--Connector:Salesforce:InstanceUrl=" + credentials.InstanceUrl,
            "--Connector:Salesforce:ScrtUrl=" + credentials.ScrtUrl,
            "--Connector:Salesforce:AuthorizationContext=" + credentials.ChannelDefinitionDeveloperName,
            "--Connector:Salesforce:PubSub:Endpoint=" + credentials.PubSubUrl,
            .. credentials.PubSubTls ? ["--Connector:Salesforce:PubSub:CaFile=" + credentials.PubSubCaFile] : Array.Empty<string>(),
            "--Connector:Salesforce:PubSub:Topic=" + credentials.TopicName,
            "--Connector:Salesforce:PubSub:EventTypeField=" + credentials.EventTypeField,
            "--Connector:Salesforce:PubSub:PayloadField=" + credentials.PayloadField,
            $"--Connector:Webhook:Channels:{WebhookChannel}:ChannelAddressIdentifier={address}",
            $"--Connector:Webhook:Channels:{WebhookChannel}:Secret={webhookSecret}",
            $"--Connector:Webhook:Channels:{WebhookChannel}:OutboundUrl={outboundUrl}",
            "--Logging:LogLevel:Default=Warning",
            // Subscribe, reconnect and stream-end lines, so a fault or crash run's log shows how the subscription recovered.
            "--Logging:LogLevel:Byoc.Connector.Salesforce.PubSub=Information",
        ];
    }
}
