using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Byoc.Cli.Hosting;
using Byoc.Connector;
using Byoc.Connector.Hosting;
using Byoc.Emulator;
using Byoc.Emulator.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Byoc.Cli.Up;

/// <summary>
/// The emulated org and the connector in one process, the connector wired with the org's exported credentials and two
/// channels on the seeded channel address: web chat (<c>web</c>) and webhook (<c>webhook</c>). <c>byoc up</c> and the
/// end-to-end tests both start it here.
/// </summary>
internal sealed class UpStack : IAsyncDisposable
{
    private const string PortHint = "Stop what uses that port, or choose another with --port, --instance-port, --scrt-port or --pubsub-port.";

    private static readonly TimeSpan s_stopTimeout = TimeSpan.FromSeconds(15);

    private readonly string? _temporaryDatabase;
    private bool _stopped;

    private UpStack(WebApplication emulator, WebApplication connector, EmulatorCredentials credentials, UpSecrets secrets,
        Uri connectorUrl, Uri webhookOutboundUrl, string? temporaryDatabase)
    {
        Emulator = emulator;
        Connector = connector;
        Credentials = credentials;
        Secrets = secrets;
        ConnectorUrl = connectorUrl;
        WebhookOutboundUrl = webhookOutboundUrl;
        _temporaryDatabase = temporaryDatabase;
    }

    public WebApplication Emulator { get; }

    public WebApplication Connector { get; }

    public EmulatorCredentials Credentials { get; }

    public UpSecrets Secrets { get; }

    public Uri ConnectorUrl { get; }

    public Uri WebhookOutboundUrl { get; }

    public Uri InstanceUrl => new(Credentials.InstanceUrl);

    public Uri WebChatUrl => new(ConnectorUrl, "/chat/" + ConnectorArguments.WebChatChannel);

    public Uri WebhookUrl => new(ConnectorUrl, "/channels/" + ConnectorArguments.WebhookChannel);

    public Uri RepConsoleUrl => new(InstanceUrl, "/console");

    public Uri HealthUrl => new(ConnectorUrl, "/healthz/ready");

    /// <summary>Starts the emulated org, then the connector; a taken port or a wrong configuration throws <see cref="HostStartException"/>.</summary>
    public static async Task<UpStack> StartAsync(UpOptions options, CancellationToken cancellationToken)
    {
        var stateDirectory = Path.GetFullPath(options.StateDirectory);
        Directory.CreateDirectory(stateDirectory);
        var secrets = UpSecrets.LoadOrCreate(stateDirectory);

        string[] emulatorArgs =
        [
            "--Emulator:InstancePort=" + options.InstancePort.ToString(CultureInfo.InvariantCulture),
            "--Emulator:ScrtPort=" + options.ScrtPort.ToString(CultureInfo.InvariantCulture),
            "--Emulator:PubSubPort=" + options.PubSubPort.ToString(CultureInfo.InvariantCulture),
            "--Emulator:StateDirectory=" + stateDirectory,
            "--Emulator:InMemory=" + options.InMemory.ToString(CultureInfo.InvariantCulture),
            "--Logging:LogLevel:Default=Warning",
            .. options.EmulatorArgs,
        ];
        var emulatorStart = new HostStart();
        var emulator = EmulatorApplication.Create(emulatorArgs, emulatorStart.MuteStartupFailureLog);
        await StartOrExplainAsync(emulatorStart, emulator, "the emulated org", null, cancellationToken);

        var temporaryDatabase = options.InMemory ? Path.Combine(Path.GetTempPath(), $"byoc-up-{Guid.NewGuid():N}.db") : null;
        WebApplication? connector = null;
        try
        {
            var credentials = EmulatorApplication.GetCredentials(emulator);
            var connectorPort = options.ConnectorPort;
            if (connectorPort == 0 && options.WebhookOutboundUrl is null)
            {
                // The one reserved port: the built-in sink lives on the connector, and its URL is part of the connector's
                // own configuration, validated before Kestrel binds, so "bind 0 and read it back" cannot apply here.
                // Everywhere else (the emulated org, --webhook-url runs, the bench) binds port 0 and reads the address back.
                connectorPort = ReservePort();
            }

            var outboundUrl = options.WebhookOutboundUrl
                ?? new Uri(string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{connectorPort}{WebhookSink.Path}"));
            var databasePath = temporaryDatabase ?? Path.Combine(stateDirectory, "connector.db");
            string[] connectorArgs =
            [
                .. ConnectorArguments.For(credentials, secrets, databasePath, connectorPort, outboundUrl),
                "--Logging:LogLevel:Default=Warning",
                .. options.ConnectorArgs.Select(arg => arg.Replace(UpOptions.ChannelAddressPlaceholder, credentials.ChannelAddressIdentifier,
                    StringComparison.Ordinal)),
            ];
            var connectorStart = new HostStart();
            connector = ConnectorApplication.Create(connectorArgs, connectorStart.MuteStartupFailureLog);
            connector.MapWebhookSink();
            var configuration = connector.Configuration;
            await StartOrExplainAsync(connectorStart, connector, "the connector",
                failures => ConnectorConfiguration.Explain(configuration, failures), cancellationToken);
            await WaitForPubSubAsync(connector, cancellationToken);
            var address = connector.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>()
                .Addresses.First();
            return new UpStack(emulator, connector, credentials, secrets, new Uri(address), outboundUrl, temporaryDatabase);
        }
        catch
        {
            if (connector is not null)
            {
                await connector.DisposeAsync();
            }

            await emulator.StopAsync(CancellationToken.None);
            await emulator.DisposeAsync();
            DeleteTemporaryDatabase(temporaryDatabase);
            throw;
        }
    }

    /// <summary>Completes when either host is asked to stop (Ctrl+C, SIGTERM) or the token is cancelled.</summary>
    public async Task WaitForShutdownAsync(CancellationToken cancellationToken)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken,
            Emulator.Lifetime.ApplicationStopping, Connector.Lifetime.ApplicationStopping);
        try
        {
            await Task.Delay(Timeout.Infinite, linked.Token);
        }
        catch (OperationCanceledException)
        {
            // Asked to stop.
        }
    }

    /// <summary>Stops the connector (it drains first), then the emulated org.</summary>
    public async Task StopAsync()
    {
        if (_stopped)
        {
            return;
        }

        _stopped = true;
        using (var timeout = new CancellationTokenSource(s_stopTimeout))
        {
            await Connector.StopAsync(timeout.Token);
        }

        using (var timeout = new CancellationTokenSource(s_stopTimeout))
        {
            await Emulator.StopAsync(timeout.Token);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        await Connector.DisposeAsync();
        await Emulator.DisposeAsync();
        if (_temporaryDatabase is not null)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            DeleteTemporaryDatabase(_temporaryDatabase);
        }
    }

    private static async Task StartOrExplainAsync(HostStart start, WebApplication app, string listener,
        Func<IEnumerable<string>, IEnumerable<string>>? explain, CancellationToken cancellationToken)
    {
        try
        {
            await start.StartAsync(app, listener, PortHint, explain, cancellationToken);
        }
        catch (HostStartException)
        {
            await app.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// The subscriber starts from LATEST the first time, so "running" must mean "subscribed": otherwise an agent reply to
    /// the very first message could be published before the subscription and never reach the channel.
    /// </summary>
    private static async Task WaitForPubSubAsync(WebApplication connector, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(s_stopTimeout);
        try
        {
            while (!ConnectorApplication.IsSubscribed(connector))
            {
                await Task.Delay(20, timeout.Token);
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // Not subscribed yet (the subscriber keeps retrying and logs why); start anyway.
        }
    }

    /// <summary>A port that was free on 127.0.0.1 a moment ago; another process may take it before the connector binds it.</summary>
    private static int ReservePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static void DeleteTemporaryDatabase(string? path)
    {
        if (path is null)
        {
            return;
        }

        foreach (var file in new[] { path, path + "-wal", path + "-shm", path + ".lock" })
        {
            try
            {
                File.Delete(file);
            }
            catch (IOException)
            {
                // Best effort: the OS cleans temp folders.
            }
        }
    }
}
