using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using Byoc.Cli.Up;
using Byoc.Setup.Steps;

namespace Byoc.Cli.Commands.Config;

/// <summary>
/// Writes the connector's complete configuration for an org that <c>byoc setup</c> set up: Salesforce login and endpoints,
/// Pub/Sub, storage, the <c>webhook</c> channel and the admin API. Secrets go to owner-only files beside it, named by
/// <c>Key_FILE</c> settings, unless they are asked inline; secrets already written are kept, so a rerun rotates nothing.
/// </summary>
internal static class ConnectorConfigWriter
{
    private static readonly JsonSerializerOptions s_json = new() { WriteIndented = true };

    /// <summary>The owner-only folder beside the configuration file that holds its secrets and generated key.</summary>
    public static string SecretsDirectory(string configFile) =>
        Path.Combine(Path.GetDirectoryName(Path.GetFullPath(configFile))!, Path.GetFileNameWithoutExtension(configFile) + ".secrets");

    /// <summary>Writes <paramref name="configFile"/> (and its secret files) and returns the files written besides it.</summary>
    public static IReadOnlyList<string> Write(string configFile, ConnectorConfiguration org, ConnectorIdentity identity, ConfigFileSettings settings)
    {
        var path = Path.GetFullPath(configFile);
        var secrets = SecretsDirectory(path);
        var written = new List<string>();
        var webhook = new JsonObject
        {
            ["ChannelAddressIdentifier"] = org.ChannelAddressIdentifier,
            ["OutboundUrl"] = settings.WebhookOutboundUrl.ToString(),
        };
        var admin = new JsonObject();
        if (settings.InlineSecrets)
        {
            webhook["Secret"] = ExistingOr(Path.Combine(secrets, "webhook-secret"), NewWebhookSecret);
            admin["ApiKey"] = ExistingOr(Path.Combine(secrets, "admin-api-key"), NewAdminKey);
        }
        else
        {
            OwnerOnlyFile.CreateDirectory(secrets);
            webhook["Secret_FILE"] = Secret(secrets, "webhook-secret", NewWebhookSecret, written);
            admin["ApiKey_FILE"] = Secret(secrets, "admin-api-key", NewAdminKey, written);
        }

        var pubSub = new JsonObject
        {
            ["Endpoint"] = identity.PubSubEndpoint.ToString().TrimEnd('/'),
            ["Topic"] = org.Topic,
            ["EventTypeField"] = org.EventTypeField,
            ["PayloadField"] = org.PayloadField,
        };
        if (identity.PubSubCaFile is { } caFile)
        {
            pubSub["CaFile"] = Path.GetFullPath(caFile);
        }

        var connector = new JsonObject
        {
            ["Salesforce"] = new JsonObject
            {
                ["LoginUrl"] = identity.LoginUrl.GetLeftPart(UriPartial.Authority),
                ["ConsumerKey"] = identity.ConsumerKey,
                ["Username"] = identity.Username,
                ["PrivateKeyPath"] = Path.GetFullPath(identity.PrivateKeyPath),
                ["OrgId"] = org.OrgId,
                ["InstanceUrl"] = org.InstanceUrl,
                ["ScrtUrl"] = identity.ScrtUrl.ToString().TrimEnd('/'),
                ["AuthorizationContext"] = org.AuthorizationContext,
                ["PubSub"] = pubSub,
            },
            ["Storage"] = new JsonObject
            {
                ["Provider"] = "Sqlite",
                ["Path"] = Path.Combine(Path.GetDirectoryName(path)!, "connector.db"),
            },
            ["Webhook"] = new JsonObject { ["Channels"] = new JsonObject { [ConnectorArguments.WebhookChannel] = webhook } },
            ["Admin"] = admin,
        };
        if (settings.PublicBaseUrl is { } publicBaseUrl)
        {
            connector["Channels"] = new JsonObject { ["PublicBaseUrl"] = publicBaseUrl.ToString() };
        }

        // Not a secret itself (the secrets are only named), but it says where they are: owner-only as well.
        OwnerOnlyFile.Write(path, new JsonObject { ["Connector"] = connector }.ToJsonString(s_json) + "\n");
        return written;
    }

    private static string Secret(string directory, string name, Func<string> create, List<string> written)
    {
        var path = Path.Combine(directory, name);
        if (OwnerOnlyFile.ReadExisting(path) is null)
        {
            OwnerOnlyFile.Write(path, create() + "\n");
        }

        written.Add(path);
        return path;
    }

    private static string ExistingOr(string path, Func<string> create) => OwnerOnlyFile.ReadExisting(path) ?? create();

    private static string NewWebhookSecret() => "whsec_" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    private static string NewAdminKey() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));
}
