using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Npgsql;

namespace Byoc.Connector.Tests.Pipeline;

/// <summary>The connector on the PostgreSQL store; gated on <c>BYOC_TEST_POSTGRES</c> like the store contract tests.</summary>
[Trait("Category", "Slow")]
public sealed class PostgresPipelineTests
{
    [Fact]
    public async Task Webhook_OnPostgres_StoresOnceAndForwards()
    {
        var connectionString = Environment.GetEnvironmentVariable("BYOC_TEST_POSTGRES");
        if (string.IsNullOrEmpty(connectionString))
        {
            Assert.SkipWhen(!string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase),
                "BYOC_TEST_POSTGRES is not set; run eng/test.sh to test the PostgreSQL store.");
            Assert.Fail("BYOC_TEST_POSTGRES is not set; CI must run the PostgreSQL tests.");
        }

        var ct = TestContext.Current.CancellationToken;
        var schema = $"byoc_pipeline_{Guid.NewGuid():N}";
        await using (var admin = new NpgsqlConnection(connectionString))
        {
            await admin.OpenAsync(ct);
            await using var create = new NpgsqlCommand($"CREATE SCHEMA {schema}", admin);
            await create.ExecuteNonQueryAsync(ct);
        }

        await using var host = await ConnectorHost.StartAsync(ct, null,
            "--Connector:Storage:Provider=Postgres",
            $"--Connector:Storage:ConnectionString={new NpgsqlConnectionStringBuilder(connectionString) { SearchPath = schema }.ConnectionString}");
        using var client = host.Connector.CreateClient();

        using var first = await client.SendAsync(WebhookClient.Signed("web", """{"type":"message","id":"m1","userId":"u1","text":"hi"}"""), ct);
        using var second = await client.SendAsync(WebhookClient.Signed("web", """{"type":"message","id":"m1","userId":"u1","text":"hi"}"""), ct);

        Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
        Assert.Equal(1, (await second.Content.ReadFromJsonAsync<JsonObject>(ct))!["duplicates"]!.GetValue<int>());
        await WaitFor.ConditionAsync(() => !host.Scrt.Requests.IsEmpty);
        await Task.Delay(200, ct);
        Assert.Single(host.Scrt.Requests);
    }
}
