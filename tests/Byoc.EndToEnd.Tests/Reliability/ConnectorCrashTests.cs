using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Byoc.Cli.Up;
using Byoc.Emulator;
using Byoc.Emulator.Org.Records;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Byoc.EndToEnd.Tests.Reliability;

/// <summary>
/// The connector as its own process is killed with SIGKILL twice while conversations are running and restarted on the same
/// SQLite file each time: nothing is lost and nothing reaches the agent twice; the customer sees every reply once (a reply
/// whose POST was in flight at the kill may be POSTed again with the same <c>webhook-id</c>, which receivers de-duplicate).
/// </summary>
[Trait("Category", "Slow")]
public sealed class ConnectorCrashTests : IAsyncDisposable
{
    private const int Kills = 2;
    private readonly string _state = Path.Combine(Path.GetTempPath(), "byoc-e2e-crash", Guid.NewGuid().ToString("N"));
    private WebApplication? _emulator;

    [Fact]
    public async Task SigkillTwiceMidRun_RestartOnSameDatabase_NothingLostNothingTwice()
    {
        Assert.SkipWhen(OperatingSystem.IsWindows(), "Process.Kill is SIGKILL on Linux and macOS.");
        var clock = Stopwatch.StartNew();
        await using var sink = await PlatformSink.StartAsync(TestContext.Current.CancellationToken);
        _emulator = EmulatorApplication.Create(
        [
            "--Emulator:InstancePort=0", "--Emulator:ScrtPort=0", "--Emulator:PubSubPort=0", "--Emulator:StateDirectory=" + _state,
            "--Emulator:InMemory=true", "--Agents:ThinkTime=00:00:00", "--Logging:LogLevel:Default=Warning",
        ]);
        await _emulator.StartAsync(TestContext.Current.CancellationToken);
        var org = _emulator.Services.GetRequiredService<OrgStore>();
        var secrets = UpSecrets.LoadOrCreate(_state);
        var port = FreePort();
        var args = ConnectorArgs(secrets, port, sink.OutboundUrl);
        var webhookUrl = new Uri($"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}/webhooks/{ConnectorArguments.WebhookChannel}");

        var workload = new Workload(users: 8, messagesPerUser: 12, runId: "crash");
        var ledger = new DeliveryLedger(workload, org, sink.Deliveries);
        var connector = await ConnectorProcess.StartAsync(args);
        try
        {
            // Each user sends at a steady pace, so the kills land while messages and replies are on their way.
            var traffic = workload.SendPacedAsync(() => new WebhookPlatform(webhookUrl, secrets.WebhookSecret), TimeSpan.FromMilliseconds(150));
            for (var kill = 1; kill <= Kills; kill++)
            {
                var before = sink.Deliveries.Count;
                await WaitFor.ConditionAsync(() => sink.Deliveries.Count > before + 10, "replies flowing before the kill");
                connector.Kill();
                TestContext.Current.SendDiagnosticMessage($"kill {kill}: {ledger.Compare()}");
                await Task.Delay(TimeSpan.FromMilliseconds(300), TestContext.Current.CancellationToken);
                connector.Dispose();
                connector = await ConnectorProcess.StartAsync(args);
            }

            await traffic;
            try
            {
                await WaitFor.ConditionAsync(() => Settled(ledger.Compare()), "every message in the org and every reply delivered and acknowledged",
                    TimeSpan.FromSeconds(60));
            }
            catch (TimeoutException ex)
            {
                throw new TimeoutException($"{ex.Message} {ledger.Compare()}\nConnector output:\n{connector.Output}", ex);
            }

            await Task.Delay(TimeSpan.FromSeconds(1), TestContext.Current.CancellationToken);
        }
        finally
        {
            connector.Dispose();
        }

        var report = ledger.Compare();
        TestContext.Current.SendDiagnosticMessage($"crash ({Kills} SIGKILLs): {report}; {clock.Elapsed.TotalSeconds:F1} s");
        TestContext.Current.TestOutputHelper?.WriteLine($"crash ({Kills} SIGKILLs): {report}; {clock.Elapsed.TotalSeconds:F1} s");
        Assert.True(report is { InboundDuplicates: 0, InboundMissing: 0, InboundOutOfOrder: 0 }, report.ToString());
        Assert.True(report is { RepliesMissing: 0, RepliesOutOfOrder: 0, RepliesNotAcknowledged: 0 }, report.ToString());
        Assert.True(report.Replies >= report.Sent, $"Every message should get an agent reply. {report}");
        // At-least-once over HTTP: only a POST in flight at a kill can repeat, at most one per conversation per kill.
        Assert.True(report.RepeatedPosts <= Kills * workload.Users, report.ToString());
    }

    public async ValueTask DisposeAsync()
    {
        if (_emulator is not null)
        {
            await _emulator.StopAsync(CancellationToken.None);
            await _emulator.DisposeAsync();
        }

        try
        {
            Directory.Delete(_state, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: the OS cleans temp folders.
        }
    }

    private static bool Settled(DeliveryLedger.Report report) =>
        report.InboundComplete && report.Replies >= report.Sent && report.RepliesMissing == 0 && report.RepliesNotAcknowledged == 0;

    private List<string> ConnectorArgs(UpSecrets secrets, int port, Uri outboundUrl)
    {
        var credentials = EmulatorApplication.GetCredentials(_emulator!);
        return
        [
            "--urls", $"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}",
            .. ConnectorArguments.For(credentials, secrets, Path.Combine(_state, "connector.db"), port, outboundUrl)
                .Where(a => !a.StartsWith("--urls=", StringComparison.Ordinal)),
            "--Connector:Delivery:PollInterval=00:00:00.050",
            "--Connector:Delivery:BaseDelay=00:00:00.050",
            "--Connector:Delivery:MaxDelay=00:00:00.500",
            "--Logging:LogLevel:Default=Warning",
            "--Logging:LogLevel:Byoc.Connector.Salesforce.PubSub=Information",
        ];
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
