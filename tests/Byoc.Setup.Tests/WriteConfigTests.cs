using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Byoc.Cli;
using Byoc.Cli.Commands.Config;
using Byoc.Connector;
using Byoc.Connector.Hosting;
using Byoc.TestUtilities;

namespace Byoc.Setup.Tests;

/// <summary>
/// <c>byoc setup --write-config</c> and <c>byoc doctor --config</c> against the emulated org: the written file starts the
/// connector as it is, doctor passes on it, and each way of breaking it fails doctor naming the key.
/// </summary>
public sealed class WriteConfigTests
{
    private const string OutboundUrl = "http://127.0.0.1:9/sink";

    [Fact]
    public async Task SetupWriteConfig_EmulatedOrg_ConnectorStartsOnTheFileAndBecomesReady()
    {
        await using var org = await SetupOrg.StartAsync();
        var file = Path.Combine(org.StateDirectory, "connector.json");

        var (exitCode, output, error) = await org.RunAsync("setup", "--write-config", file, "--webhook-outbound-url", OutboundUrl);

        Assert.True(exitCode == 0, $"exit {exitCode}: {error}\n{output}");
        Assert.Contains("Connector configuration written to " + file, output, StringComparison.Ordinal);
        var port = LoopbackPort.Reserve();
        await using var connector = ConnectorApplication.Create(new ConnectorHostSettings
        {
            ConfigFile = file,
            Args = [string.Create(CultureInfo.InvariantCulture, $"--urls=http://127.0.0.1:{port}"), "--Logging:LogLevel:Default=Warning"],
        });
        await connector.StartAsync(TestContext.Current.CancellationToken);
        using var http = new HttpClient { BaseAddress = new Uri(string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{port}")) };
        await WaitFor.ConditionAsync(async cancellationToken =>
            (await http.GetAsync(new Uri("/healthz/ready", UriKind.Relative), cancellationToken)).StatusCode == HttpStatusCode.OK, "the connector's /healthz/ready");
        Assert.True(ConnectorApplication.IsSubscribed(connector));
        await connector.StopAsync(TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task SetupWriteConfig_SecretsByDefault_AreOwnerOnlyFilesTheConfigurationNames()
    {
        await using var org = await SetupOrg.StartAsync();
        var file = Path.Combine(org.StateDirectory, "connector.json");

        var (exitCode, json) = await org.RunJsonAsync("setup", "--write-config", file, "--webhook-outbound-url", OutboundUrl);

        Assert.Equal(0, exitCode);
        var connector = JsonNode.Parse(File.ReadAllText(file))!["Connector"]!;
        var webhook = connector["Webhook"]!["Channels"]!["webhook"]!;
        Assert.Null(webhook["Secret"]);
        Assert.Null(connector["Admin"]!["ApiKey"]);
        var secretFile = webhook["Secret_FILE"]!.GetValue<string>();
        Assert.StartsWith("whsec_", File.ReadAllText(secretFile), StringComparison.Ordinal);
        Assert.Equal(connector["Admin"]!["ApiKey_FILE"]!.GetValue<string>(), json.GetProperty("configFile").GetProperty("secretFiles")[1].GetString());
        var salesforce = connector["Salesforce"]!;
        foreach (var key in new[] { "LoginUrl", "ConsumerKey", "Username", "PrivateKeyPath", "OrgId", "InstanceUrl", "ScrtUrl", "AuthorizationContext" })
        {
            Assert.False(string.IsNullOrEmpty(salesforce[key]?.GetValue<string>()), key);
        }

        Assert.Equal("/event/Byoc_Interaction__e", salesforce["PubSub"]!["Topic"]!.GetValue<string>());
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(secretFile));
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file));
        }

        var (again, _) = await org.RunJsonAsync("setup", "--write-config", file, "--webhook-outbound-url", OutboundUrl);
        Assert.Equal(0, again);
        Assert.Equal(secretFile, JsonNode.Parse(File.ReadAllText(file))!["Connector"]!["Webhook"]!["Channels"]!["webhook"]!["Secret_FILE"]!.GetValue<string>());
    }

    [Fact]
    public async Task SetupWriteConfig_InlineSecrets_PutsThemInTheFile()
    {
        await using var org = await SetupOrg.StartAsync();
        var file = Path.Combine(org.StateDirectory, "inline.json");

        var (exitCode, _) = await org.RunJsonAsync("setup", "--write-config", file, "--webhook-outbound-url", OutboundUrl, "--inline-secrets");

        Assert.Equal(0, exitCode);
        var connector = JsonNode.Parse(File.ReadAllText(file))!["Connector"]!;
        Assert.StartsWith("whsec_", connector["Webhook"]!["Channels"]!["webhook"]!["Secret"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Null(connector["Webhook"]!["Channels"]!["webhook"]!["Secret_FILE"]);
        Assert.False(Directory.Exists(ConnectorConfigWriter.SecretsDirectory(file)));
    }

    [Fact]
    public async Task DoctorConfig_WrittenBySetup_PassesEveryCheck()
    {
        await using var org = await SetupOrg.StartAsync();
        var file = await WriteConfigAsync(org);

        var (exitCode, output, error) = await DoctorAsync(file);

        Assert.True(exitCode == 0, $"exit {exitCode}: {error}\n{output}");
        var checks = JsonDocument.Parse(output).RootElement.GetProperty("checks").EnumerateArray().ToList();
        Assert.Equal([ConfigDoctor.ConfigCheck, ConfigDoctor.TokenCheck, ConfigDoctor.ScopeCheck, ConfigDoctor.ChannelAddressCheck, ConfigDoctor.TopicCheck],
            checks.Select(c => c.GetProperty("name").GetString()));
        Assert.All(checks, c => Assert.Equal("Pass", c.GetProperty("status").GetString()));
        Assert.Contains("interaction_api", checks[2].GetProperty("evidence").GetString(), StringComparison.Ordinal);
        Assert.Empty(error);
    }

    [Fact]
    public async Task DoctorConfig_WrongKey_FailsTheTokenCheckNamingTheKey()
    {
        await using var org = await SetupOrg.StartAsync();
        var file = await WriteConfigAsync(org);
        var otherKeys = Directory.CreateTempSubdirectory("byoc-other-key").FullName;
        var (otherKey, _, generated) = IntegrationKeys.LoadOrCreate(otherKeys, "someone else", TimeProvider.System);
        Edit(file, connector => connector["Salesforce"]!["PrivateKeyPath"] = otherKey);

        var (exitCode, _, error) = await DoctorAsync(file);

        Assert.True(generated);
        Assert.Equal(1, exitCode);
        var line = Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("byoc doctor: config-token: ", line, StringComparison.Ordinal);
        Assert.Contains("signature does not verify", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DoctorConfig_MissingKeyFile_FailsValidationNamingTheKeyAndItsSource()
    {
        await using var org = await SetupOrg.StartAsync();
        var file = await WriteConfigAsync(org);
        var missing = Path.Combine(org.StateDirectory, "gone.pem");
        Edit(file, connector => connector["Salesforce"]!["PrivateKeyPath"] = missing);

        var (exitCode, _, error) = await DoctorAsync(file);

        Assert.Equal(2, exitCode);
        var line = Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains($"Connector:Salesforce:PrivateKeyPath points to '{missing}', which does not exist.", line, StringComparison.Ordinal);
        Assert.Contains(file, line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DoctorConfig_UnknownChannelAddress_FailsNamingTheKey()
    {
        await using var org = await SetupOrg.StartAsync();
        var file = await WriteConfigAsync(org);
        Edit(file, connector => connector["Webhook"]!["Channels"]!["webhook"]!["ChannelAddressIdentifier"] = "no-such-address");

        var (exitCode, output, error) = await DoctorAsync(file);

        Assert.Equal(1, exitCode);
        var line = Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal("byoc doctor: config-channel-address: Connector:Webhook:Channels:webhook:ChannelAddressIdentifier is 'no-such-address', " +
            "but the org has no MessagingChannel with that address.", line.TrimEnd('\r'));
        var checks = JsonDocument.Parse(output).RootElement.GetProperty("checks");
        Assert.Equal("Pass", checks[4].GetProperty("status").GetString());
    }

    [Fact]
    public async Task SetupWriteConfig_JwtLoginWithoutKey_GeneratesAPairWhoseCertificateIsStillToBeUploaded()
    {
        await using var org = await SetupOrg.StartAsync();
        var state = Connection.EmulatorState.Read(org.StateDirectory);
        var admin = state.AdminLogin();
        var file = Path.Combine(org.StateDirectory, "real.json");
        using var output = new StringWriter(CultureInfo.InvariantCulture);
        using var error = new StringWriter(CultureInfo.InvariantCulture);

        var exitCode = await ByocCommandLine.InvokeAsync(
        [
            "setup", "--consumer-key", admin.ConsumerKey, "--username", admin.Username, "--key-file", admin.KeyFile, "--login-url", state.LoginUrl,
            "--write-config", file, "--webhook-outbound-url", OutboundUrl,
            "--connector-consumer-key", state.ConsumerKey, "--connector-username", state.Username, "--connector-login-url", state.LoginUrl,
            "--scrt-url", state.ScrtUrl!, "--pubsub-endpoint", state.PubSubUrl!, .. state.PubSubTls ? ["--pubsub-ca-file", state.PubSubCaFile!] : Array.Empty<string>(),
            "--json",
        ], output, error, TestContext.Current.CancellationToken);

        Assert.True(exitCode == 0, $"exit {exitCode}: {error}\n{output}");
        var secrets = ConnectorConfigWriter.SecretsDirectory(file);
        var key = Path.Combine(secrets, IntegrationKeys.KeyFileName);
        var certificate = Path.Combine(secrets, IntegrationKeys.CertificateFileName);
        var written = JsonDocument.Parse(output.ToString()).RootElement.GetProperty("configFile");
        Assert.True(written.GetProperty("keyGenerated").GetBoolean());
        Assert.Equal(certificate, written.GetProperty("certificate").GetString());
        Assert.Equal(key, JsonNode.Parse(File.ReadAllText(file))!["Connector"]!["Salesforce"]!["PrivateKeyPath"]!.GetValue<string>());
        IntegrationKeys.EnsurePair(key, certificate);
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(secrets));
        }

        var (doctorExit, _, doctorError) = await DoctorAsync(file);
        Assert.Equal(1, doctorExit);
        Assert.StartsWith("byoc doctor: config-token: ", doctorError, StringComparison.Ordinal);
        Assert.Contains("signature does not verify", doctorError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SetupWriteConfig_RealOrgWithoutConnectorLogin_IsInvalidUsageBeforeAnyLogin()
    {
        using var output = new StringWriter(CultureInfo.InvariantCulture);
        using var error = new StringWriter(CultureInfo.InvariantCulture);

        var exitCode = await ByocCommandLine.InvokeAsync(
            ["setup", "--target-org", "prod", "--sf", "/nonexistent/sf", "--write-config", "x.json", "--webhook-outbound-url", OutboundUrl],
            output, error, TestContext.Current.CancellationToken);

        Assert.Equal(2, exitCode);
        Assert.Equal("byoc setup: --write-config needs --connector-consumer-key and --connector-username: the connector's app and its integration user (docs/setup.md).",
            error.ToString().Trim());
    }

    [Fact]
    public void IntegrationKeys_Generated_AreAPairAndOwnerOnlyAndKeptOnTheSecondCall()
    {
        var folder = Directory.CreateTempSubdirectory("byoc-keys").FullName;

        var (key, certificate, generated) = IntegrationKeys.LoadOrCreate(folder, "BYOC Connector test", TimeProvider.System);
        var before = File.ReadAllText(key);
        var (_, _, again) = IntegrationKeys.LoadOrCreate(folder, "BYOC Connector test", TimeProvider.System);

        Assert.True(generated);
        Assert.False(again);
        Assert.Equal(before, File.ReadAllText(key));
        IntegrationKeys.EnsurePair(key, certificate);
        var (otherKey, _, _) = IntegrationKeys.LoadOrCreate(Directory.CreateTempSubdirectory("byoc-keys").FullName, "other", TimeProvider.System);
        Assert.Throws<ArgumentException>(() => IntegrationKeys.EnsurePair(otherKey, certificate));
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(key));
        }
    }

    [Theory]
    [InlineData("https://acme.my.salesforce.com", "https://acme.my.salesforce-scrt.com/")]
    [InlineData("https://acme--uat.sandbox.my.salesforce.com/", "https://acme--uat.sandbox.my.salesforce-scrt.com/")]
    [InlineData("http://127.0.0.1:6100", null)]
    public void ScrtUrlOf_MyDomain_ReplacesTheSalesforceHost(string instanceUrl, string? expected) =>
        Assert.Equal(expected, ConnectorIdentity.ScrtUrlOf(new Uri(instanceUrl))?.ToString());

    private static async Task<string> WriteConfigAsync(SetupOrg org)
    {
        var file = Path.Combine(org.StateDirectory, "connector.json");
        var (exitCode, output, error) = await org.RunAsync("setup", "--write-config", file, "--webhook-outbound-url", OutboundUrl);
        Assert.True(exitCode == 0, $"setup exit {exitCode}: {error}\n{output}");
        return file;
    }

    private static async Task<(int ExitCode, string Output, string Error)> DoctorAsync(string file)
    {
        using var output = new StringWriter(CultureInfo.InvariantCulture);
        using var error = new StringWriter(CultureInfo.InvariantCulture);
        var exitCode = await ByocCommandLine.InvokeAsync(["doctor", "--config", file, "--json"], output, error, TestContext.Current.CancellationToken);
        return (exitCode, output.ToString(), error.ToString());
    }

    private static void Edit(string file, Action<JsonNode> edit)
    {
        var root = JsonNode.Parse(File.ReadAllText(file))!;
        edit(root["Connector"]!);
        File.WriteAllText(file, root.ToJsonString());
    }
}
