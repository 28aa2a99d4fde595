using System.Diagnostics;
using System.Text.Json.Nodes;
using Byoc.Core.Storage;
using Byoc.TestUtilities;
using Microsoft.Extensions.DependencyInjection;

namespace Byoc.EndToEnd.Tests.Reliability;

/// <summary>
/// One fault run on the in-process stack: switch the org's faults on, send the workload through the signed webhook, wait
/// until every message and every agent reply has settled, switch the faults off, and compare both directions.
/// </summary>
internal static class ReliabilityRun
{
    public const int Users = 8;
    public const int MessagesPerUser = 10;

    /// <summary>Runs the workload; <paramref name="pause"/> between one user's messages stretches the run over time-based faults.</summary>
    public static async Task<DeliveryLedger.Report> RunAsync(string name, JsonObject faults, TimeSpan? pause = null)
    {
        var clock = Stopwatch.StartNew();
        await using var sink = await PlatformSink.StartAsync(TestContext.Current.CancellationToken);
        await using var test = await TestStack.StartAsync(sink.OutboundUrl);
        await FaultSwitch.SetAsync(test.Stack.InstanceUrl, faults);
        var workload = new Workload(Users, MessagesPerUser, name);
        await workload.SendPacedAsync(() => new WebhookPlatform(test.Stack.WebhookUrl, test.Stack.Secrets.WebhookSecret), pause ?? TimeSpan.Zero);
        var ledger = new DeliveryLedger(workload, test.Org, sink.Deliveries);
        var inbox = test.Stack.Connector.Services.GetRequiredService<IInboxStore>();
        var outbox = test.Stack.Connector.Services.GetRequiredService<IOutboxStore>();
        try
        {
            await WaitFor.ValueAsync(async () => await SettledAsync(ledger, inbox, outbox) ? string.Empty : null,
                "every message in the org and every agent reply delivered and acknowledged", TimeSpan.FromSeconds(50));
        }
        catch (TimeoutException ex)
        {
            throw new TimeoutException($"{ex.Message} {ledger.Compare()}; {await ConnectorStateAsync(test, outbox)}", ex);
        }

        await FaultSwitch.ClearAsync(test.Stack.InstanceUrl);
        // Anything still on its way (a repeated POST, a late reply) has time to show up before the final count.
        await Task.Delay(TimeSpan.FromSeconds(1), TestContext.Current.CancellationToken);
        var report = ledger.Compare();
        TestContext.Current.SendDiagnosticMessage($"{name}: {report}; {clock.Elapsed.TotalSeconds:F1} s");
        TestContext.Current.TestOutputHelper?.WriteLine($"{name}: {report}; {clock.Elapsed.TotalSeconds:F1} s");
        return report;
    }

    /// <summary>Where undelivered replies wait: still in the outbox, or never received because Pub/Sub is down.</summary>
    private static async Task<string> ConnectorStateAsync(TestStack test, IOutboxStore outbox)
    {
        using var http = new HttpClient();
        var metrics = await http.GetStringAsync(new Uri(test.Stack.ConnectorUrl, "/metrics"), TestContext.Current.CancellationToken);
        var pubSub = metrics.Split('\n').Where(line => line.StartsWith("byoc_pubsub_connected", StringComparison.Ordinal)
            || line.StartsWith("byoc_pubsub_reconnects_total", StringComparison.Ordinal));
        var pending = await outbox.CountPendingAsync(TestContext.Current.CancellationToken);
        return $"outbox pending {pending}; {string.Join("; ", pubSub)}";
    }

    private static async Task<bool> SettledAsync(DeliveryLedger ledger, IInboxStore inbox, IOutboxStore outbox)
    {
        var report = ledger.Compare();
        return report.InboundComplete && report.Replies >= report.Sent && report.RepliesMissing == 0 && report.RepliesNotAcknowledged == 0
            && await inbox.CountPendingAsync(TestContext.Current.CancellationToken) == 0
            && await outbox.CountPendingAsync(TestContext.Current.CancellationToken) == 0;
    }

    public static void AssertExactlyOnceInOrder(DeliveryLedger.Report report)
    {
        Assert.True(report is { InboundDuplicates: 0, InboundMissing: 0, InboundOutOfOrder: 0 }, report.ToString());
        Assert.True(report is { RepliesMissing: 0, RepliesOutOfOrder: 0, RepeatedPosts: 0, RepliesNotAcknowledged: 0 }, report.ToString());
        Assert.True(report.Replies >= report.Sent, $"Every message should get an agent reply. {report}");
    }
}
