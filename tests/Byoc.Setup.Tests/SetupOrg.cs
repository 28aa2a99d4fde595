using System.Globalization;
using System.Text.Json;
using Byoc.Cli;
using Byoc.Cli.Up;
using Byoc.Connector;
using Byoc.Connector.Salesforce.PubSub;
using Byoc.Emulator;
using Byoc.Emulator.Auth;
using Byoc.Emulator.Hosting;
using Byoc.Emulator.Org.Records;
using Byoc.Setup.Connection;
using Byoc.Setup.Org;
using Byoc.TestUtilities;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Byoc.Setup.Tests;

/// <summary>
/// A fresh emulated org with only the guide's prerequisites (seed <c>PrerequisitesOnly</c>), in memory on loopback with free
/// ports, and a temporary state folder holding its exported credentials, so the commands run with <c>--emulator --state-dir</c>
/// exactly as against <c>byoc up</c>. <see cref="StartConnectorAsync"/> starts the connector the way <c>byoc up</c> wires it,
/// once setup created the channel.
/// </summary>
internal sealed class SetupOrg : IAsyncDisposable
{
    private WebApplication? _connector;

    private SetupOrg(WebApplication emulator, string stateDirectory)
    {
        Emulator = emulator;
        StateDirectory = stateDirectory;
    }

    public WebApplication Emulator { get; }

    public string StateDirectory { get; }

    public OrgStore Store => Emulator.Services.GetRequiredService<OrgStore>();

    public Uri? ConnectorUrl { get; private set; }

    /// <summary>Keys and certificates generated once per test run and copied into each org's state folder (RSA generation is slow).</summary>
    private static readonly Lazy<string> s_keyTemplate = new(() =>
    {
        var template = Path.Combine(Path.GetTempPath(), "byoc-setup-tests", "keys-" + Guid.NewGuid().ToString("N"));
        var folder = new StateFolder(new EmulatorOptions { StateDirectory = template });
        DevConnectedApp.LoadOrCreate(folder, TimeProvider.System);
        LocalCertificateAuthority.LoadOrCreateServerCertificate(folder, TimeProvider.System).Dispose();
        return template;
    });

    public static async Task<SetupOrg> StartAsync()
    {
        var state = Path.Combine(Path.GetTempPath(), "byoc-setup-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(state);
        foreach (var file in Directory.GetFiles(s_keyTemplate.Value))
        {
            File.Copy(file, Path.Combine(state, Path.GetFileName(file)));
        }

        var emulator = EmulatorApplication.Create(
        [
            "--Emulator:InstancePort=0", "--Emulator:ScrtPort=0", "--Emulator:PubSubPort=0",
            "--Emulator:StateDirectory=" + state, "--Emulator:InMemory=true", "--Emulator:Seed=PrerequisitesOnly",
            "--Agents:ThinkTime=00:00:00", "--Logging:LogLevel:Default=Warning",
        ]);
        await emulator.StartAsync(TestContext.Current.CancellationToken);
        return new SetupOrg(emulator, state);
    }

    /// <summary>Runs a <c>byoc</c> command line against this org and returns its exit code and output.</summary>
    public async Task<(int ExitCode, string Output, string Error)> RunAsync(params string[] args)
    {
        using var output = new StringWriter(CultureInfo.InvariantCulture);
        using var error = new StringWriter(CultureInfo.InvariantCulture);
        string[] full = [.. args, "--emulator", "--state-dir", StateDirectory];
        var exitCode = await ByocCommandLine.InvokeAsync(full, output, error, TestContext.Current.CancellationToken);
        return (exitCode, output.ToString(), error.ToString());
    }

    /// <summary>Runs a command with <c>--json</c> and parses its output.</summary>
    public async Task<(int ExitCode, JsonElement Json)> RunJsonAsync(params string[] args)
    {
        var (exitCode, output, error) = await RunAsync([.. args, "--json"]);
        Assert.True(output.Length > 0, $"no output; exit {exitCode}; error: {error}");
        return (exitCode, JsonDocument.Parse(output).RootElement.Clone());
    }

    /// <summary>An org client logged in as the admin, through the same JWT bearer login the commands use.</summary>
    public async Task<OrgClient> AdminClientAsync(HttpClient http)
    {
        var state = EmulatorState.Read(StateDirectory);
        var connection = await JwtBearerLogin.LoginAsync(state.AdminLogin(), http, TimeProvider.System, TestContext.Current.CancellationToken);
        return new OrgClient(http, connection, TimeProvider.System);
    }

    /// <summary>Starts the connector with the org's current credentials (the channel must exist), the webhook channel and its sink.</summary>
    public async Task StartConnectorAsync()
    {
        var credentials = EmulatorApplication.GetCredentials(Emulator);
        var secrets = UpSecrets.LoadOrCreate(StateDirectory);
        // Reserved, not bound as port 0: the sink lives on the connector and its URL is in the connector's configuration.
        var port = LoopbackPort.Reserve();
        var sink = new Uri(string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{port}{WebhookSink.Path}"));
        _connector = ConnectorApplication.Create(
        [
            .. ConnectorArguments.For(credentials, secrets, Path.Combine(StateDirectory, "connector.db"), port, sink),
            "--Logging:LogLevel:Default=Warning",
            "--Connector:Delivery:PollInterval=00:00:00.050",
        ]);
        _connector.MapWebhookSink();
        await _connector.StartAsync(TestContext.Current.CancellationToken);

        // As byoc up does: let the Pub/Sub subscription connect before the first conversation, so no reply is published unseen.
        var subscriber = _connector.Services.GetRequiredService<PubSubSubscriber>();
        await WaitFor.ConditionAsync(() => subscriber.Connects > 0, "the connector's Pub/Sub subscription");
        ConnectorUrl = new Uri(string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{port}"));
    }

    public async Task StopConnectorAsync()
    {
        if (_connector is not null)
        {
            await _connector.StopAsync(CancellationToken.None);
            await _connector.DisposeAsync();
            _connector = null;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopConnectorAsync();
        await Emulator.StopAsync(CancellationToken.None);
        await Emulator.DisposeAsync();
        try
        {
            Directory.Delete(StateDirectory, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: the OS cleans temp folders.
        }
    }
}
