using Byoc.Emulator;
using Byoc.Emulator.Conversations;
using Byoc.Emulator.Faults;
using Byoc.Emulator.Hosting;

namespace Byoc.Bench.Hosting;

/// <summary>
/// The emulated org inside the harness process on free loopback ports: records in memory, the echo agent with zero think
/// time, and a <see cref="ReplyTap"/> on its outbound path. Faults are switched with <c>POST /emulator/faults</c>.
/// </summary>
internal sealed class EmulatedOrg : IAsyncDisposable
{
    private readonly WebApplication _app;

    private EmulatedOrg(WebApplication app, ReplyTap tap)
    {
        _app = app;
        Tap = tap;
        Credentials = EmulatorApplication.GetCredentials(app);
    }

    public EmulatorCredentials Credentials { get; }

    public ReplyTap Tap { get; }

    public static async Task<EmulatedOrg> StartAsync(string stateDirectory, CancellationToken cancellationToken)
    {
        string[] args =
        [
            "--Emulator:InstancePort=0", "--Emulator:ScrtPort=0", "--Emulator:PubSubPort=0",
            "--Emulator:StateDirectory=" + stateDirectory,
            "--Emulator:InMemory=true",
            "--Agents:ThinkTime=00:00:00",
            "--Agents:DefinitionsPath=" + EchoAgent.WriteTo(Path.Combine(stateDirectory, "agents")),
            "--Logging:LogLevel:Default=Warning",
        ];
        var tap = new ReplyTap();
        var app = EmulatorApplication.Create(args, builder => builder.Services.AddSingleton<IPublishedTextObserver>(tap));
        await app.StartAsync(cancellationToken);
        return new EmulatedOrg(app, tap);
    }

    /// <summary>Replaces the org's fault settings (<c>POST /emulator/faults</c>, loopback only).</summary>
    public async Task SetFaultsAsync(FaultSettings settings, CancellationToken cancellationToken)
    {
        using var http = new HttpClient();
        using var response = await http.PostAsJsonAsync(new Uri(new Uri(Credentials.InstanceUrl), "/emulator/faults"), settings, cancellationToken);
        response.EnsureSuccessStatusCode();
    }

    public async ValueTask DisposeAsync()
    {
        using (var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15)))
        {
            await _app.StopAsync(timeout.Token);
        }

        await _app.DisposeAsync();
    }
}
