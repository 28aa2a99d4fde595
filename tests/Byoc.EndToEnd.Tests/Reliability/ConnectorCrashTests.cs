using System.Diagnostics;
using Byoc.TestUtilities;
using Byoc.TestUtilities.Postgres;

namespace Byoc.EndToEnd.Tests.Reliability;

/// <summary>
/// The connector as its own process is killed with SIGKILL twice while conversations are running and restarted on the same
/// database each time: nothing is lost and nothing reaches the agent twice; the customer sees every reply once (a reply
/// whose POST was in flight at the kill may be POSTed again with the same <c>webhook-id</c>, which receivers de-duplicate).
/// The rows the killed process had leased are taken over at once (the default 2-minute lease never runs out in the run):
/// on SQLite through the file's owner lock, on PostgreSQL because the dead session's owner locks are gone.
/// </summary>
[Trait("Category", "Slow")]
public sealed class ConnectorCrashTests
{
    private const int Kills = 2;

    [Theory]
    [InlineData("Sqlite")]
    [InlineData("Postgres")]
    public async Task SigkillTwiceMidRun_RestartOnSameDatabase_NothingLostNothingTwice(string storage)
    {
        Assert.SkipWhen(OperatingSystem.IsWindows(), "Process.Kill is SIGKILL on Linux and macOS.");
        var clock = Stopwatch.StartNew();
        await using var schema = storage == "Postgres" ? await TestPostgresSchema.CreateAsync("byoc_crash", TestContext.Current.CancellationToken) : null;
        await using var sink = await PlatformSink.StartAsync(TestContext.Current.CancellationToken);
        await using var org = await EmulatedOrg.StartAsync();
        List<string> args =
        [
            .. org.ConnectorArgs(0, Path.Combine(org.StateDirectory, "connector.db"), sink.OutboundUrl),
            "--Logging:LogLevel:Byoc.Connector.Salesforce.PubSub=Information",
        ];
        if (schema is not null)
        {
            args.AddRange(["--Connector:Storage:Provider=Postgres", "--Connector:Storage:ConnectionString=" + schema.ConnectionString]);
        }

        var workload = new Workload(users: 8, messagesPerUser: 12, runId: "crash");
        var ledger = new DeliveryLedger(workload, org.Org, sink.Deliveries);
        var connector = await ConnectorProcess.StartAsync(args);
        // The first instance bound port 0; the restarts take the port it got, as a platform keeps calling one webhook URL.
        var port = connector.BaseAddress.Port;
        args[args.IndexOf("--urls") + 1] = connector.BaseAddress.GetLeftPart(UriPartial.Authority);
        try
        {
            // Each user sends at a steady pace, so the kills land while messages and replies are on their way.
            var traffic = workload.SendPacedAsync(() => new WebhookPlatform(EmulatedOrg.WebhookUrl(port), org.Secrets.WebhookSecret),
                TimeSpan.FromMilliseconds(150));
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
        TestContext.Current.SendDiagnosticMessage($"crash on {storage} ({Kills} SIGKILLs): {report}; {clock.Elapsed.TotalSeconds:F1} s");
        TestContext.Current.TestOutputHelper?.WriteLine($"crash on {storage} ({Kills} SIGKILLs): {report}; {clock.Elapsed.TotalSeconds:F1} s");
        Assert.True(report is { InboundDuplicates: 0, InboundMissing: 0, InboundOutOfOrder: 0 }, report.ToString());
        Assert.True(report is { RepliesMissing: 0, RepliesOutOfOrder: 0, RepliesNotAcknowledged: 0 }, report.ToString());
        Assert.True(report.Replies >= report.Sent, $"Every message should get an agent reply. {report}");
        // At least once over HTTP: only a POST in flight at a kill can repeat, at most one per conversation per kill.
        Assert.True(report.RepeatedPosts <= Kills * workload.Users, report.ToString());
    }

    internal static bool Settled(DeliveryLedger.Report report) =>
        report.InboundComplete && report.Replies >= report.Sent && report.RepliesMissing == 0 && report.RepliesNotAcknowledged == 0;
}
