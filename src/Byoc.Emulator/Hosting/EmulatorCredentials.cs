using System.Text.Json;
using Byoc.Emulator.Auth;
using Byoc.Emulator.Org;
using Byoc.Emulator.Org.Records;

namespace Byoc.Emulator.Hosting;

/// <summary>
/// Everything a BYOC client needs to talk to the emulated org, as <c>byoc emulator credentials</c> prints it. The running
/// emulator writes it to <c>credentials.json</c> in the state folder with the addresses it actually bound.
/// </summary>
public sealed record EmulatorCredentials
{
    private static readonly JsonSerializerOptions s_json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    /// <summary>Where to post JWT assertions (<c>{loginUrl}/services/oauth2/token</c>).</summary>
    public required string LoginUrl { get; init; }

    /// <summary>The org instance (My Domain) URL; the Pub/Sub <c>instanceurl</c> header.</summary>
    public required string InstanceUrl { get; init; }

    /// <summary>The Interaction Service API base (requests go to <c>{scrtUrl}/api/v1/...</c>).</summary>
    public required string ScrtUrl { get; init; }

    /// <summary>The Pub/Sub gRPC URL (https when TLS is on).</summary>
    public required string PubSubUrl { get; init; }

    /// <summary>The Pub/Sub endpoint as <c>host:port</c>.</summary>
    public required string PubSubEndpoint { get; init; }

    /// <summary>True when Pub/Sub uses TLS; trust <see cref="PubSubCaFile"/>.</summary>
    public required bool PubSubTls { get; init; }

    /// <summary>PEM file of the local CA that signed the Pub/Sub server certificate.</summary>
    public required string PubSubCaFile { get; init; }

    /// <summary>The connected app's consumer key: the JWT <c>iss</c>.</summary>
    public required string ConsumerKey { get; init; }

    /// <summary>The integration user: the JWT <c>sub</c>.</summary>
    public required string Username { get; init; }

    /// <summary>The org's administrator (System Administrator profile): the JWT <c>sub</c> for <c>byoc setup</c>, <c>doctor</c> and <c>verify</c>.</summary>
    public required string AdminUsername { get; init; }

    /// <summary>The password of every user for the SOAP API's <c>login()</c> (<c>{instanceUrl}/services/Soap/u/66.0</c>).</summary>
    public string? Password { get; init; }

    /// <summary>PEM (PKCS#8) private key to sign JWT assertions with (RS256).</summary>
    public required string PrivateKeyFile { get; init; }

    /// <summary>PEM certificate of that key, as uploaded to the connected app.</summary>
    public required string CertificateFile { get; init; }

    /// <summary>The org id, 15 characters (the <c>OrgId</c> header).</summary>
    public required string OrgId { get; init; }

    /// <summary>The org id, 18 characters.</summary>
    public required string OrgId18 { get; init; }

    /// <summary>The CCD developer name: the <c>AuthorizationContext</c> header.</summary>
    public required string ChannelDefinitionDeveloperName { get; init; }

    /// <summary>The BYOC MessagingChannel's <c>ChannelAddressIdentifier</c> (the <c>to</c> of interactions).</summary>
    public required string? ChannelAddressIdentifier { get; init; }

    /// <summary>The Pub/Sub topic of the platform event, e.g. <c>/event/Byoc_Interaction__e</c>.</summary>
    public required string? TopicName { get; init; }

    /// <summary>The platform event's EventType field API name.</summary>
    public required string? EventTypeField { get; init; }

    /// <summary>The platform event's Payload field API name.</summary>
    public required string? PayloadField { get; init; }

    /// <summary>The credentials as indented JSON (camelCase field names).</summary>
    public string ToJson() => JsonSerializer.Serialize(this, s_json);

    /// <summary>Reads credentials written by a running emulator.</summary>
    public static EmulatorCredentials? FromJson(string json) => JsonSerializer.Deserialize<EmulatorCredentials>(json, s_json);

    /// <summary>Computes the credentials from a built (not necessarily started) emulator and the URLs to print.</summary>
    internal static EmulatorCredentials From(IServiceProvider services, Uri instanceUrl, Uri scrtUrl, Uri pubSubUrl, bool pubSubTls)
    {
        var state = services.GetRequiredService<StateFolder>();
        var app = services.GetRequiredService<DevConnectedApp>();
        var store = services.GetRequiredService<OrgStore>();
        var org = services.GetRequiredService<OrgIdentity>();
        var channel = store.Records("MessagingChannel").FirstOrDefault(c => c.GetString("MessageType") == "Custom");
        var definition = channel?.GetString("ChannelDefinitionId") is { } definitionId ? store.Get(definitionId) : null;
        definition ??= store.Records("ConversationChannelDefinition") is [var first, ..] ? first : null;
        var integration = store.Lookup("User", "Username", Org.Seed.SeededOrg.IntegrationUsername) is [var user, ..] ? user : null;
        return new EmulatorCredentials
        {
            LoginUrl = Trim(instanceUrl),
            InstanceUrl = Trim(instanceUrl),
            ScrtUrl = Trim(scrtUrl),
            PubSubUrl = Trim(pubSubUrl),
            PubSubEndpoint = $"{pubSubUrl.Host}:{pubSubUrl.Port}",
            PubSubTls = pubSubTls,
            PubSubCaFile = state.CaCertificatePath,
            ConsumerKey = app.ConsumerKey,
            Username = integration?.GetString("Username") ?? Org.Seed.SeededOrg.IntegrationUsername,
            AdminUsername = Org.Seed.SeededOrg.AdminUsername,
            Password = services.GetRequiredService<UserPasswords>().Password,
            PrivateKeyFile = app.PrivateKeyPath,
            CertificateFile = app.CertificatePath,
            OrgId = org.OrgId15,
            OrgId18 = org.OrgId18,
            ChannelDefinitionDeveloperName = definition?.GetString("DeveloperName") ?? Org.Seed.SeededOrg.ChannelDefinitionDeveloperName,
            ChannelAddressIdentifier = channel?.GetString("ChannelAddressIdentifier"),
            TopicName = definition?.GetString("CustomPlatformEvent") is { } platformEvent ? "/event/" + platformEvent : null,
            EventTypeField = definition?.GetString("CustomEventTypeField"),
            PayloadField = definition?.GetString("CustomEventPayloadField"),
        };
    }

    /// <summary>
    /// The connector's <c>Connector:Salesforce</c> settings for this org as command-line arguments (login, instance, SCRT,
    /// authorization context and the Pub/Sub topic), which <c>byoc up</c> and the bench both start the connector with.
    /// </summary>
    public IReadOnlyList<string> ConnectorSalesforceArguments() =>
    [
        "--Connector:Salesforce:LoginUrl=" + LoginUrl,
        "--Connector:Salesforce:ConsumerKey=" + ConsumerKey,
        "--Connector:Salesforce:Username=" + Username,
        "--Connector:Salesforce:PrivateKeyPath=" + PrivateKeyFile,
        "--Connector:Salesforce:OrgId=" + OrgId,
        "--Connector:Salesforce:InstanceUrl=" + InstanceUrl,
        "--Connector:Salesforce:ScrtUrl=" + ScrtUrl,
        "--Connector:Salesforce:AuthorizationContext=" + ChannelDefinitionDeveloperName,
        "--Connector:Salesforce:PubSub:Endpoint=" + PubSubUrl,
        .. PubSubTls ? ["--Connector:Salesforce:PubSub:CaFile=" + PubSubCaFile] : Array.Empty<string>(),
        "--Connector:Salesforce:PubSub:Topic=" + TopicName,
        "--Connector:Salesforce:PubSub:EventTypeField=" + EventTypeField,
        "--Connector:Salesforce:PubSub:PayloadField=" + PayloadField,
    ];

    private static string Trim(Uri uri) => uri.ToString().TrimEnd('/');
}
