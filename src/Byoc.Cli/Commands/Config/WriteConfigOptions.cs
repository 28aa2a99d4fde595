using System.CommandLine;
using Byoc.Setup.Connection;
using Byoc.Setup.Steps;

namespace Byoc.Cli.Commands.Config;

/// <summary>
/// <c>byoc setup --write-config &lt;file&gt;</c> and the options that complete it: the integration user's login (with the
/// key pair generated when none is given), the endpoints, the webhook channel's outbound URL and where secrets go.
/// With <c>--emulator</c> the login and endpoints default to the emulated org's exported credentials.
/// </summary>
internal sealed class WriteConfigOptions
{
    private static readonly Uri s_defaultLoginUrl = new("https://login.salesforce.com");
    private static readonly Uri s_defaultPubSub = new("https://api.pubsub.salesforce.com:7443");

    private readonly Option<FileInfo?> _file = new("--write-config")
    {
        Description = "Write the connector's complete configuration (JSON for byoc connector --config) to this file; it is validated as the connector validates it at start.",
    };

    private readonly Option<string?> _consumerKey = new("--connector-consumer-key") { Description = "With --write-config: the consumer key of the connector's External Client App or Connected App (JWT bearer)." };
    private readonly Option<string?> _username = new("--connector-username") { Description = "With --write-config: the integration user the connector logs in as." };
    private readonly Option<Uri?> _loginUrl = SetupConsole.UrlOption("--connector-login-url", "With --write-config: the connector's login URL (default https://login.salesforce.com; https://test.salesforce.com for sandboxes).");
    private readonly Option<string?> _privateKey = new("--private-key") { Description = "With --write-config: the connector's PEM private key; default: generate a key pair and a self-signed certificate to upload to the app." };
    private readonly Option<string?> _certificate = new("--certificate") { Description = "With --write-config and --private-key: the certificate of that key (checked to match it)." };
    private readonly Option<Uri?> _scrtUrl = SetupConsole.UrlOption("--scrt-url", "With --write-config: the Interaction Service URL; default: derived from the My Domain (https://<MyDomain>.my.salesforce-scrt.com).");
    private readonly Option<Uri?> _pubSub = SetupConsole.UrlOption("--pubsub-endpoint", "With --write-config: the Pub/Sub API (default https://api.pubsub.salesforce.com:7443).");
    private readonly Option<string?> _pubSubCa = new("--pubsub-ca-file") { Description = "With --write-config: a PEM CA to trust for the Pub/Sub endpoint (a local CA)." };
    private readonly Option<Uri?> _outboundUrl = SetupConsole.UrlOption("--webhook-outbound-url", "With --write-config (required): where the webhook channel POSTs the agent's messages, your platform's endpoint.");
    private readonly Option<Uri?> _publicBaseUrl = SetupConsole.UrlOption("--public-base-url", "With --write-config: the connector's public https URL behind a proxy or TLS terminator.");
    private readonly Option<bool> _inlineSecrets = new("--inline-secrets") { Description = "With --write-config: put the secrets in the file itself instead of owner-only files it names (Key_FILE)." };

    public void AddTo(Command command)
    {
        foreach (var option in new Option[] { _file, _consumerKey, _username, _loginUrl, _privateKey, _certificate, _scrtUrl, _pubSub, _pubSubCa, _outboundUrl, _publicBaseUrl, _inlineSecrets })
        {
            command.Options.Add(option);
        }
    }

    /// <summary>The file to write, or null when <c>--write-config</c> is not given.</summary>
    public FileInfo? File(ParseResult parseResult) => parseResult.GetValue(_file);

    /// <summary>Checks the options before anything is done to the org.</summary>
    /// <exception cref="ArgumentException">A required option is missing or a given file does not exist.</exception>
    public void CheckUsage(ParseResult parseResult, bool emulator)
    {
        if (File(parseResult) is null)
        {
            return;
        }

        if (parseResult.GetValue(_outboundUrl) is null)
        {
            throw new ArgumentException("--write-config needs --webhook-outbound-url: where the connector POSTs the agent's messages to your platform.");
        }

        if (!emulator && (parseResult.GetValue(_consumerKey) is null || parseResult.GetValue(_username) is null))
        {
            throw new ArgumentException("--write-config needs --connector-consumer-key and --connector-username: the connector's app and its integration user (docs/setup.md).");
        }

        var key = parseResult.GetValue(_privateKey);
        var certificate = parseResult.GetValue(_certificate);
        if (certificate is not null && key is null)
        {
            throw new ArgumentException("--certificate needs --private-key: the key the certificate belongs to.");
        }

        foreach (var (name, path) in new[] { ("--private-key", key), ("--certificate", certificate), ("--pubsub-ca-file", parseResult.GetValue(_pubSubCa)) })
        {
            if (path is not null && !System.IO.File.Exists(path))
            {
                throw new ArgumentException($"{name} '{Path.GetFullPath(path)}' does not exist.");
            }
        }

        if (key is not null && certificate is not null)
        {
            IntegrationKeys.EnsurePair(key, certificate);
        }
    }

    /// <summary>Writes the configuration for the org that setup just read, then validates it as the connector would.</summary>
    /// <exception cref="ArgumentException">The SCRT URL cannot be derived and is not given.</exception>
    public async Task<WrittenConfig> WriteAsync(ParseResult parseResult, ConnectorConfiguration org, EmulatorState? state, TimeProvider time)
    {
        var file = File(parseResult)!.FullName;
        var instanceUrl = new Uri(org.InstanceUrl);
        var scrtUrl = parseResult.GetValue(_scrtUrl)
            ?? (state?.ScrtUrl is { } emulated ? new Uri(emulated) : null)
            ?? ConnectorIdentity.ScrtUrlOf(instanceUrl)
            ?? throw new ArgumentException($"The instance URL {instanceUrl} is not a My Domain URL (*.my.salesforce.com); pass --scrt-url.");
        var username = parseResult.GetValue(_username) ?? state!.Username;
        string keyPath;
        string? certificatePath = parseResult.GetValue(_certificate);
        var generated = false;
        if (parseResult.GetValue(_privateKey) is { } givenKey)
        {
            keyPath = givenKey;
        }
        else if (state is not null)
        {
            // The emulated org's app already holds the certificate of the key it exported.
            keyPath = state.PrivateKeyFile;
        }
        else
        {
            var secrets = ConnectorConfigWriter.SecretsDirectory(file);
            OwnerOnlyFile.CreateDirectory(secrets);
            (keyPath, certificatePath, generated) = IntegrationKeys.LoadOrCreate(secrets, "BYOC Connector " + username, time);
        }

        var identity = new ConnectorIdentity(
            parseResult.GetValue(_loginUrl) ?? (state is not null ? new Uri(state.LoginUrl) : s_defaultLoginUrl),
            parseResult.GetValue(_consumerKey) ?? state!.ConsumerKey,
            username,
            keyPath,
            scrtUrl,
            parseResult.GetValue(_pubSub) ?? (state?.PubSubUrl is { } pubSub ? new Uri(pubSub) : s_defaultPubSub),
            parseResult.GetValue(_pubSubCa) ?? (state is { PubSubTls: true } ? state.PubSubCaFile : null));
        var settings = new ConfigFileSettings(parseResult.GetValue(_outboundUrl)!, parseResult.GetValue(_publicBaseUrl), parseResult.GetValue(_inlineSecrets));
        var secretFiles = ConnectorConfigWriter.Write(file, org, identity, settings);
        var failures = await ConnectorConfigLoader.ValidateAsync(file);
        return new WrittenConfig(file, secretFiles, Path.GetFullPath(keyPath), certificatePath is null ? null : Path.GetFullPath(certificatePath), generated, failures);
    }
}
