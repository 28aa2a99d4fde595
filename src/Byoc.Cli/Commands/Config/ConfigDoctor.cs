using Byoc.Cli.Commands.Channels;
using Byoc.Connector.Salesforce;
using Byoc.Setup.Checks;
using Byoc.Setup.Connection;
using Byoc.Setup.Org;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Byoc.Cli.Commands.Config;

/// <summary>
/// <c>byoc doctor --config &lt;file&gt;</c>: the connector's configuration against its org, as the connector would see it:
/// the file passes the connector's start-up validation, the integration user's JWT bearer login mints a token, the token's
/// scopes include <c>interaction_api</c>, every configured channel address is a messaging channel of the org, and the
/// Pub/Sub topic can be subscribed to. With <c>checkChannels</c>, each Telegram and Twilio channel of the file is checked on
/// its platform right after the validation (those checks need nothing of the org). The checks after a failed validation or
/// login do not run. The validation's evidence has one line per failure.
/// </summary>
internal sealed class ConfigDoctor(HttpClient http, TimeProvider time, bool checkChannels = false)
{
    public const string ConfigCheck = "config";
    public const string TokenCheck = "config-token";
    public const string ScopeCheck = "config-scope";
    public const string ChannelAddressCheck = "config-channel-address";
    public const string TopicCheck = "config-pubsub-topic";

    private const string S = SalesforceOptions.Section;

    /// <summary>The channel families whose channels name a <c>ChannelAddressIdentifier</c>.</summary>
    private static readonly string[] s_channelSections = ["Connector:Webhook", "Connector:WebChat", "Connector:Telegram", "Connector:Twilio"];

    /// <summary>Whether the org could not be reached at all (the token endpoint did not answer), for the exit code.</summary>
    public bool Unreachable { get; private set; }

    public async Task<IReadOnlyList<CheckResult>> RunAsync(string configFile, Action<CheckResult>? progress, CancellationToken cancellationToken)
    {
        var results = new List<CheckResult>();
        void Add(CheckResult result)
        {
            results.Add(result);
            progress?.Invoke(result);
        }

        var path = Path.GetFullPath(configFile);
        var (app, failures) = ConnectorConfigLoader.Load(path);
        if (app is null)
        {
            Add(new CheckResult(ConfigCheck, "Configuration passes the connector's validation", CheckStatus.Fail, string.Join("\n", failures),
                $"Correct each key named above where its source says, then run byoc doctor --config {path} again."));
            return results;
        }

        await using (app)
        {
            var options = app.Services.GetRequiredService<IOptions<SalesforceOptions>>().Value;
            Add(new CheckResult(ConfigCheck, "Configuration passes the connector's validation", CheckStatus.Pass,
                $"{path} with appsettings.json, environment variables and _FILE references: every option the connector validates at start is valid."));
            foreach (var check in checkChannels ? PlatformDoctorCheck.From(app.Configuration, http) : [])
            {
                Add(await check.CheckAsync(cancellationToken));
            }

            var connection = await LoginAsync(options, Add, cancellationToken);
            if (connection is null)
            {
                return results;
            }

            Add(Scope(connection));
            var org = new OrgClient(http, options.InstanceUrl is { } instance ? connection with { InstanceUrl = instance } : connection, time);
            foreach (var (key, address) in ChannelAddresses(app.Configuration))
            {
                Add(await ChannelAddressAsync(org, key, address, cancellationToken));
            }

            Add(await TopicAsync(options, org.Connection, cancellationToken));
        }

        return results;
    }

    private async Task<OrgConnection?> LoginAsync(SalesforceOptions options, Action<CheckResult> add, CancellationToken cancellationToken)
    {
        const string Title = "Connector's JWT bearer login mints a token";
        var settings = new JwtLoginSettings(options.ConsumerKey!, options.Username!, options.PrivateKeyPath!, options.LoginUrl!);
        try
        {
            var connection = await JwtBearerLogin.LoginAsync(settings, http, time, cancellationToken);
            add(new CheckResult(TokenCheck, Title, CheckStatus.Pass, $"{S}:Username {options.Username} logged in at {options.LoginUrl} with {S}:ConsumerKey and {S}:PrivateKeyPath."));
            return connection;
        }
        catch (OrgLoginException ex)
        {
            Unreachable = ex.InnerException is HttpRequestException;
            add(new CheckResult(TokenCheck, Title, CheckStatus.Fail, ex.Message,
                $"{S}:PrivateKeyPath ('{options.PrivateKeyPath}') must be the key of the certificate uploaded to the app whose consumer key is {S}:ConsumerKey, " +
                $"and {S}:Username must be active and pre-authorised for that app (docs/setup.md)."));
            return null;
        }
    }

    private static CheckResult Scope(OrgConnection connection)
    {
        const string Title = "Token's scopes include interaction_api";
        var scopes = (connection.Scope ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return scopes.Contains("interaction_api", StringComparer.Ordinal)
            ? new CheckResult(ScopeCheck, Title, CheckStatus.Pass, $"Scopes: {string.Join(' ', scopes)}.")
            : new CheckResult(ScopeCheck, Title, CheckStatus.Fail,
                scopes.Length == 0 ? "The token response listed no scopes." : $"Scopes: {string.Join(' ', scopes)}; interaction_api is missing.",
                "Add the scope 'Access Interaction API resources (interaction_api)' to the app's OAuth scopes, then run doctor again.");
    }

    /// <summary>Each configured channel's address key (<c>Connector:Webhook:Channels:webhook:ChannelAddressIdentifier</c>) and value.</summary>
    private static IEnumerable<(string Key, string Address)> ChannelAddresses(IConfiguration configuration)
    {
        foreach (var section in s_channelSections)
        {
            foreach (var channel in configuration.GetSection(section + ":Channels").GetChildren())
            {
                if (channel["ChannelAddressIdentifier"] is { Length: > 0 } address)
                {
                    yield return ($"{channel.Path}:ChannelAddressIdentifier", address);
                }
            }
        }
    }

    private static async Task<CheckResult> ChannelAddressAsync(OrgClient org, string key, string address, CancellationToken cancellationToken)
    {
        var title = $"{key} is a messaging channel of the org";
        IReadOnlyList<System.Text.Json.Nodes.JsonObject> channels;
        try
        {
            channels = await org.QueryAsync(
                $"SELECT Id, DeveloperName, MessageType, IsActive FROM MessagingChannel WHERE ChannelAddressIdentifier = {Soql.Quote(address)}",
                cancellationToken: cancellationToken);
        }
        catch (Exception ex) when (ex is OrgApiException or HttpRequestException)
        {
            return new CheckResult(ChannelAddressCheck, title, CheckStatus.Fail, $"{key} '{address}': the query failed: {ex.Message}",
                "Give the integration user read access to Messaging Channels, or check the address with an admin: byoc doctor --channel-address.");
        }

        if (channels.FirstOrNull() is not { } channel)
        {
            return new CheckResult(ChannelAddressCheck, title, CheckStatus.Fail, $"{key} is '{address}', but the org has no MessagingChannel with that address.",
                "Copy the channel's address from byoc setup (or Setup → Messaging Settings) into that key.");
        }

        var evidence = $"{key} '{address}' is {channel.Str("DeveloperName")} ({channel.Str("Id")}), MessageType={channel.Str("MessageType")}, IsActive={channel.Bool("IsActive")}.";
        return channel.Bool("IsActive") && string.Equals(channel.Str("MessageType"), "Custom", StringComparison.Ordinal)
            ? new CheckResult(ChannelAddressCheck, title, CheckStatus.Pass, evidence)
            : new CheckResult(ChannelAddressCheck, title, CheckStatus.Fail, evidence,
                $"Point the key at an active Bring Your Own Channel (MessageType Custom) channel: Setup → Messaging Settings → {channel.Str("DeveloperName")}.");
    }

    private async Task<CheckResult> TopicAsync(SalesforceOptions options, OrgConnection connection, CancellationToken cancellationToken)
    {
        const string Title = "Pub/Sub topic is readable by the connector";
        var pubSub = options.PubSub;
        if (!pubSub.Enabled)
        {
            return new CheckResult(TopicCheck, Title, CheckStatus.Skip, $"{S}:PubSub:Enabled is false; the connector receives no agent replies.");
        }

        var probe = new DoctorPubSubProbe(pubSub.Endpoint!, pubSub.CaFile, options.OrgId!, time);
        var result = await probe.ProbeAsync(connection, pubSub.Topic!, cancellationToken);
        return result switch
        {
            { Error: { } error } => new CheckResult(TopicCheck, Title, CheckStatus.Fail, $"{S}:PubSub:Topic {pubSub.Topic} at {S}:PubSub:Endpoint {pubSub.Endpoint}: GetTopic: {error}",
                $"Check the topic name against the platform event, and grant {options.Username} Read on it (a permission set)."),
            { CanSubscribe: false } => new CheckResult(TopicCheck, Title, CheckStatus.Fail, $"{S}:PubSub:Topic {pubSub.Topic}: can_subscribe=false.",
                $"Grant {options.Username} Read on the platform event (a permission set)."),
            _ => new CheckResult(TopicCheck, Title, CheckStatus.Pass, $"{S}:PubSub:Topic {pubSub.Topic}: can_subscribe=true, schema {result.SchemaId}."),
        };
    }
}
