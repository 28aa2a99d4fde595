using Byoc.Emulator;
using Byoc.Emulator.Conversations;
using Byoc.Emulator.Faults;
using Byoc.Emulator.Hosting;

namespace Byoc.Bench.Hosting;

/// <summary>
/// The emulated org inside the harness process on free loopback ports: records in memory (in the state folder when
/// persistent, so it can restart), the echo agent with zero think time, and a <see cref="ReplyTap"/> on its outbound path. Faults are switched with <c>POST /emulator/faults</c>.
/// </summary>
internal sealed class EmulatedOrg : IAsyncDisposable
{
    private readonly string _stateDirectory;
    private readonly bool _persistent;
    private WebApplication _app;

    private EmulatedOrg(WebApplication app, ReplyTap tap, string stateDirectory, bool persistent)
    {
        _app = app;
        Tap = tap;
        _stateDirectory = stateDirectory;
        _persistent = persistent;
        Credentials = EmulatorApplication.GetCredentials(app);
    }

    public EmulatorCredentials Credentials { get; }

    public ReplyTap Tap { get; }

    /// <summary>Starts the org on free loopback ports.</summary>
    /// <param name="stateDirectory">Its keys and certificates (and, when <paramref name="persistent"/>, its records and events).</param>
    /// <param name="persistent">Keep records, events and pending agent work in the state folder, so <see cref="RestartAsync"/> resumes them.</param>
    /// <param name="cancellationToken">Stops the start.</param>
    public static async Task<EmulatedOrg> StartAsync(string stateDirectory, bool persistent, CancellationToken cancellationToken)
    {
        var tap = new ReplyTap();
        var app = await StartAppAsync(stateDirectory, persistent, tap, ("0", "0", "0"), cancellationToken);
        return new EmulatedOrg(app, tap, stateDirectory, persistent);
    }

    /// <summary>
    /// Stops the org as a deployment would (listeners closed, streams cut) and starts it again on the same ports and state
    /// folder; only a persistent org keeps its records. Faults are off afterwards.
    /// </summary>
    public async Task RestartAsync(CancellationToken cancellationToken)
    {
        if (!_persistent)
        {
            throw new InvalidOperationException("Only a persistent emulated org can restart with its records.");
        }

        await StopAsync(_app);
        var ports = (Port(Credentials.InstanceUrl), Port(Credentials.ScrtUrl), Port(Credentials.PubSubUrl));
        _app = await StartAppAsync(_stateDirectory, _persistent, Tap, ports, cancellationToken);
    }

    private static string Port(string url) => new Uri(url).Port.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static async Task<WebApplication> StartAppAsync(string stateDirectory, bool persistent, ReplyTap tap,
        (string Instance, string Scrt, string PubSub) ports, CancellationToken cancellationToken)
    {
        string[] args =
        [
            "--Emulator:InstancePort=" + ports.Instance, "--Emulator:ScrtPort=" + ports.Scrt, "--Emulator:PubSubPort=" + ports.PubSub,
            "--Emulator:StateDirectory=" + stateDirectory,
            "--Emulator:InMemory=" + (persistent ? "false" : "true"),
            "--Agents:ThinkTime=00:00:00",
            "--Agents:DefinitionsPath=" + EchoAgent.WriteTo(Path.Combine(stateDirectory, "agents")),
            "--Logging:LogLevel:Default=Warning",
        ];
        var app = EmulatorApplication.Create(args, builder => builder.Services.AddSingleton<IPublishedTextObserver>(tap));
        await app.StartAsync(cancellationToken);
        return app;
    }

    /// <summary>Replaces the org's fault settings (<c>POST /emulator/faults</c>, loopback only).</summary>
    public async Task SetFaultsAsync(FaultSettings settings, CancellationToken cancellationToken)
    {
        using var http = new HttpClient();
        using var response = await http.PostAsJsonAsync(new Uri(new Uri(Credentials.InstanceUrl), "/emulator/faults"), settings, cancellationToken);
        response.EnsureSuccessStatusCode();
    }

    public async ValueTask DisposeAsync() => await StopAsync(_app);

    private static async Task StopAsync(WebApplication app)
    {
        using (var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15)))
        {
            await app.StopAsync(timeout.Token);
        }

        await app.DisposeAsync();
    }
}
