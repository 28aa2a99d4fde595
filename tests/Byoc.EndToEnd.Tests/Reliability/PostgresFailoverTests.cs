using System.Diagnostics;
using Byoc.Cli.Up;
using Byoc.Connector;
using Byoc.Connector.Salesforce.PubSub;
using Byoc.TestUtilities;
using Byoc.TestUtilities.Postgres;
using Microsoft.Extensions.DependencyInjection;

namespace Byoc.EndToEnd.Tests.Reliability;

/// <summary>
/// Two connector instances on one PostgreSQL database: only the leader subscribes to Pub/Sub; when it goes away the standby
/// takes over from the stored replay id, and every message and reply still arrives once and in order.
/// </summary>
[Trait("Category", "Slow")]
public sealed class PostgresFailoverTests
{
    [Fact]
    public async Task TwoInstances_OneSubscribes_StandbyTakesOverWhenLeaderStops()
    {
        var ct = TestContext.Current.CancellationToken;
        var clock = Stopwatch.StartNew();
        await using var schema = await TestPostgresSchema.CreateAsync("byoc_failover", ct);
        await using var sink = await PlatformSink.StartAsync(ct);
        await using var org = await EmulatedOrg.StartAsync();
        var workload = new Workload(users: 4, messagesPerUser: 6, runId: "failover");
        var ledger = new DeliveryLedger(workload, org.Org, sink.Deliveries);
        await using var leader = await StartAsync(org, schema, sink.OutboundUrl);
        await WaitFor.ConditionAsync(() => Subscriber(leader).Connects == 1, "the first instance's subscription");
        await using var standby = await StartAsync(org, schema, sink.OutboundUrl);

        await workload.SendAllAsync(() => new WebhookPlatform(WebhookUrl(leader), org.Secrets.WebhookSecret),
            (_, index) => index < 3);
        await WaitFor.ConditionAsync(() => ledger.Compare().RepliesReceived >= workload.Users * 3, "replies through the leader");
        Assert.Equal(0, Subscriber(standby).Connects);
        using (var http = new HttpClient())
        {
            // A standby is ready: it serves webhooks and the outbox; only the subscription waits for the leader to go away.
            using var ready = await http.GetAsync(new Uri(standby.BaseAddress, "/healthz/ready"), ct);
            var body = await ready.Content.ReadAsStringAsync(ct);
            Assert.True(ready.IsSuccessStatusCode, body);
            Assert.Contains("Standing by", body, StringComparison.Ordinal);
        }

        await leader.StopAsync(ct);
        await WaitFor.ConditionAsync(() => Subscriber(standby).Connects == 1, "the standby's subscription");
        await workload.SendAllAsync(() => new WebhookPlatform(WebhookUrl(standby), org.Secrets.WebhookSecret),
            (_, index) => index >= 3);
        await WaitFor.ConditionAsync(() => ConnectorCrashTests.Settled(ledger.Compare()), "every message and reply after the failover");
        await Task.Delay(TimeSpan.FromSeconds(1), ct);

        var report = ledger.Compare();
        TestContext.Current.TestOutputHelper?.WriteLine($"failover: {report}; {clock.Elapsed.TotalSeconds:F1} s");
        Assert.True(report is { InboundDuplicates: 0, InboundMissing: 0, InboundOutOfOrder: 0 }, report.ToString());
        Assert.True(report is { RepliesMissing: 0, RepliesOutOfOrder: 0, RepeatedPosts: 0, RepliesNotAcknowledged: 0 }, report.ToString());
    }

    private static PubSubSubscriber Subscriber(LoopbackServer connector) => connector.Services.GetRequiredService<PubSubSubscriber>();

    private static Uri WebhookUrl(LoopbackServer connector) => new(connector.BaseAddress, "/channels/" + ConnectorArguments.WebhookChannel);

    /// <summary>An instance in this process on port 0 (its bound address read back), so nothing has to reserve a port.</summary>
    private static async Task<LoopbackServer> StartAsync(EmulatedOrg org, TestPostgresSchema schema, Uri outboundUrl)
    {
        var args = org.ConnectorArgs(0, "unused.db", outboundUrl);
        args.Remove("--urls");
        args.RemoveAll(a => a.StartsWith("http://127.0.0.1:", StringComparison.Ordinal));
        var connector = ConnectorApplication.Create(
        [
            .. args,
            "--Connector:Storage:Provider=Postgres",
            "--Connector:Storage:ConnectionString=" + schema.ConnectionString,
            "--Connector:Salesforce:PubSub:StandbyRetryInterval=00:00:00.200",
        ]);
        return await LoopbackServer.StartAsync(connector, TestContext.Current.CancellationToken);
    }
}
