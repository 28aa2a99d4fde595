using System.Net;
using Byoc.TestUtilities;
using Byoc.TestUtilities.Postgres;

namespace Byoc.Connector.Tests.Channels.WebChat;

/// <summary>The web chat on the PostgreSQL store; gated on <c>BYOC_TEST_POSTGRES</c> like the store contract tests.</summary>
[Trait("Category", "Slow")]
public sealed class WebChatPostgresTests
{
    [Fact]
    public async Task Chat_OnPostgres_StoresOnceAndReplaysTheLog()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var schema = await TestPostgresSchema.CreateAsync("byoc_webchat", ct);

        await using var host = await WebChatTestHost.StartAsync(ct,
            "--Connector:Storage:Provider=Postgres",
            $"--Connector:Storage:ConnectionString={schema.ConnectionString}");
        using var client = host.Connector.CreateClient();
        var session = await WebChatTestHost.NewSessionAsync(client);

        using var first = await WebChatTestHost.PostAsync(client, session.Token, """{"type":"message","id":"m-1","text":"hi"}""");
        using var second = await WebChatTestHost.PostAsync(client, session.Token, """{"type":"message","id":"m-1","text":"hi"}""");
        await host.Outbound().SendAsync(WebChatTestHost.Agent(session.VisitorId, "e1"), ct);
        await host.Outbound().SendAsync(WebChatTestHost.Agent(session.VisitorId, "e1"), ct);
        using var stream = await WebChatTestHost.OpenStreamAsync(client, session.Token);
        var replay = await stream.ReadManyAsync(2);
        using var resumed = await WebChatTestHost.OpenStreamAsync(client, session.Token, lastEventId: "1");

        Assert.Equal((HttpStatusCode.Accepted, HttpStatusCode.Accepted), (first.StatusCode, second.StatusCode));
        Assert.Equal([("1", "in:m-1"), ("2", "e1")], replay.Select(e => (e.Id, e.EntryKey)));
        Assert.Equal("e1", (await resumed.ReadAsync()).EntryKey);
        await WaitFor.ConditionAsync(() => host.Scrt.Requests.Any(r => r.BodyText.Contains("\"hi\"", StringComparison.Ordinal)));
        await host.SettleAsync();
        Assert.Single(host.Scrt.Requests, r => r.BodyText.Contains("\"hi\"", StringComparison.Ordinal));
    }
}
