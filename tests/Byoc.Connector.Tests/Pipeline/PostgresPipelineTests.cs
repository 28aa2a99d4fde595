using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Byoc.TestUtilities;
using Byoc.TestUtilities.Postgres;

namespace Byoc.Connector.Tests.Pipeline;

/// <summary>The connector on the PostgreSQL store; gated on <c>BYOC_TEST_POSTGRES</c> like the store contract tests.</summary>
[Trait("Category", "Slow")]
public sealed class PostgresPipelineTests
{
    [Fact]
    public async Task Webhook_OnPostgres_StoresOnceAndForwards()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var schema = await TestPostgresSchema.CreateAsync("byoc_pipeline", ct);

        await using var host = await ConnectorHost.StartAsync(ct, null,
            "--Connector:Storage:Provider=Postgres",
            $"--Connector:Storage:ConnectionString={schema.ConnectionString}");
        using var client = host.Connector.CreateClient();

        using var first = await client.SendAsync(WebhookClient.Signed("web", """{"type":"message","id":"m1","userId":"u1","text":"hi"}"""), ct);
        using var second = await client.SendAsync(WebhookClient.Signed("web", """{"type":"message","id":"m1","userId":"u1","text":"hi"}"""), ct);

        Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
        Assert.Equal(1, (await second.Content.ReadFromJsonAsync<JsonObject>(ct))!["duplicates"]!.GetValue<int>());
        await WaitFor.ConditionAsync(() => !host.Scrt.Requests.IsEmpty);
        await host.SettleAsync();
        Assert.Single(host.Scrt.Requests);
    }
}
