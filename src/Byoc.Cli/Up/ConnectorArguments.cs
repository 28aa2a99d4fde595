using System.Globalization;
using Byoc.Emulator.Hosting;

namespace Byoc.Cli.Up;

/// <summary>Turns the emulated org's exported credentials into the connector's configuration arguments.</summary>
internal static class ConnectorArguments
{
    /// <summary>The web chat channel's name: the page is <c>/chat/web</c>.</summary>
    public const string WebChatChannel = "web";

    /// <summary>The webhook channel's name: its front door is <c>/channels/webhook</c> (<c>/webhooks/webhook</c> is an alias).</summary>
    public const string WebhookChannel = "webhook";

    public static List<string> For(EmulatorCredentials credentials, UpSecrets secrets, string databasePath, int port, Uri webhookOutboundUrl)
    {
        var address = credentials.ChannelAddressIdentifier
            ?? throw new InvalidOperationException("The emulated org has no BYOC messaging channel (seed it with the complete profile).");
        return
        [
            "--urls=" + string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{port}"),
            "--Connector:Storage:Provider=Sqlite",
            "--Connector:Storage:Path=" + databasePath,
            "--Connector:Attachments:Directory=" + Path.Combine(Path.GetDirectoryName(Path.GetFullPath(databasePath))!, "attachments"),
            .. credentials.ConnectorSalesforceArguments(),
            $"--Connector:WebChat:Channels:{WebChatChannel}:ChannelAddressIdentifier={address}",
            $"--Connector:WebChat:Channels:{WebChatChannel}:SessionSecret={secrets.WebChatSessionSecret}",
            $"--Connector:Webhook:Channels:{WebhookChannel}:ChannelAddressIdentifier={address}",
            $"--Connector:Webhook:Channels:{WebhookChannel}:Secret={secrets.WebhookSecret}",
            $"--Connector:Admin:ApiKey={secrets.AdminApiKey}",
            $"--Connector:Webhook:Channels:{WebhookChannel}:OutboundUrl={webhookOutboundUrl}",
        ];
    }
}
