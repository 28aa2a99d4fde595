using System.Globalization;
using Byoc.Cli.Up;
using Byoc.Emulator;
using Byoc.Emulator.Org.Records;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Byoc.EndToEnd.Tests.Reliability;

/// <summary>
/// The emulated org alone, in this process (in memory, agent without think time), for tests that run their own connectors
/// against it: a separate process to kill, or several instances sharing one PostgreSQL database.
/// </summary>
internal sealed class EmulatedOrg : IAsyncDisposable
{
    private readonly WebApplication _emulator;
    private readonly string _state;

    private EmulatedOrg(WebApplication emulator, string state)
    {
        _emulator = emulator;
        _state = state;
        Secrets = UpSecrets.LoadOrCreate(state);
    }

    public OrgStore Org => _emulator.Services.GetRequiredService<OrgStore>();

    public UpSecrets Secrets { get; }

    public string StateDirectory => _state;

    public static async Task<EmulatedOrg> StartAsync()
    {
        var state = Path.Combine(Path.GetTempPath(), "byoc-e2e-reliability", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(state);
        var emulator = EmulatorApplication.Create(
        [
            "--Emulator:InstancePort=0", "--Emulator:ScrtPort=0", "--Emulator:PubSubPort=0", "--Emulator:StateDirectory=" + state,
            "--Emulator:InMemory=true", "--Agents:ThinkTime=00:00:00", "--Logging:LogLevel:Default=Warning",
        ]);
        await emulator.StartAsync(TestContext.Current.CancellationToken);
        return new EmulatedOrg(emulator, state);
    }

    /// <summary>A connector's arguments for this org: SQLite at <paramref name="databasePath"/>, fast delivery polling.</summary>
    public List<string> ConnectorArgs(int port, string databasePath, Uri outboundUrl) =>
    [
        "--urls", $"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}",
        .. ConnectorArguments.For(EmulatorApplication.GetCredentials(_emulator), Secrets, databasePath, port, outboundUrl)
            .Where(a => !a.StartsWith("--urls=", StringComparison.Ordinal)),
        "--Connector:Delivery:PollInterval=00:00:00.050",
        "--Connector:Delivery:BaseDelay=00:00:00.050",
        "--Connector:Delivery:MaxDelay=00:00:00.500",
        "--Logging:LogLevel:Default=Warning",
    ];

    public static Uri WebhookUrl(int port) =>
        new($"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}/webhooks/{ConnectorArguments.WebhookChannel}");

    public async ValueTask DisposeAsync()
    {
        await _emulator.StopAsync(CancellationToken.None);
        await _emulator.DisposeAsync();
        try
        {
            Directory.Delete(_state, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: the OS cleans temp folders.
        }
    }
}
