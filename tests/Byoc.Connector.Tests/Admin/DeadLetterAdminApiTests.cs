using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Byoc.TestUtilities;
using Byoc.TestUtilities.Prometheus;
using Microsoft.AspNetCore.Http;

namespace Byoc.Connector.Tests.Admin;

public sealed class DeadLetterAdminApiTests
{
    private const string Key = "admin-key-for-tests";

    [Fact]
    public async Task AdminApi_NoKeyConfigured_Returns404()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var host = await ConnectorHost.StartAsync(ct);
        using var client = host.Connector.CreateClient();
        client.DefaultRequestHeaders.Add("X-Byoc-Admin-Key", "anything");

        using var response = await client.GetAsync(new Uri("/admin/deadletters", UriKind.Relative), ct);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("wrong")]
    public async Task AdminApi_MissingOrWrongKey_Returns401(string? presented)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var host = await ConnectorHost.StartAsync(ct, null, $"--Connector:Admin:ApiKey={Key}");
        using var client = host.Connector.CreateClient();
        if (presented is not null)
        {
            client.DefaultRequestHeaders.Add("X-Byoc-Admin-Key", presented);
        }

        using var response = await client.GetAsync(new Uri("/admin/deadletters", UriKind.Relative), ct);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task AdminApi_QueryValueOfTheWrongType_ProblemNamesTheParameter()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var host = await ConnectorHost.StartAsync(ct, null, $"--Connector:Admin:ApiKey={Key}");
        using var client = host.Connector.CreateClient();
        client.DefaultRequestHeaders.Add("X-Byoc-Admin-Key", Key);

        using var response = await client.GetAsync(new Uri("/admin/deadletters?limit=many", UriKind.Relative), ct);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("limit", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Contains("many", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task DeadLetters_ListShowReplayPurge_WorkAgainstARunningConnector()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var host = await ConnectorHost.StartAsync(ct, null, $"--Connector:Admin:ApiKey={Key}");
        host.Scrt.DefaultAnswer = _ => Results.Json(new { code = 10001, message = "bad request from the test" }, statusCode: 400);
        using var client = host.Connector.CreateClient();
        client.DefaultRequestHeaders.Add("X-Byoc-Admin-Key", Key);
        (await client.SendAsync(WebhookClient.Signed("web", """{"type":"message","id":"m1","userId":"u1","text":"hi"}""", id: "e1"), ct)).Dispose();
        (await client.SendAsync(WebhookClient.Signed("web", """{"type":"message","id":"m2","userId":"u2","text":"yo"}""", id: "e2"), ct)).Dispose();
        await WaitFor.ConditionAsync(() => host.CountRowsAsync("dead_letters").GetAwaiter().GetResult() == 2);

        // The counter moves just after the row is stored; other tests may add their own dead letters to the same meter.
        await WaitFor.ConditionAsync(() => PrometheusText.Parse(client.GetStringAsync(new Uri("/metrics", UriKind.Relative), ct).GetAwaiter().GetResult())
            .TryGetValue("byoc_dead_letters_total", out var family)
            && family.Samples.Single(s => s.Has(("queue", "inbox"), ("reason", "permanent"))).Value >= 2);

        var page = await client.GetFromJsonAsync<JsonElement>(new Uri("/admin/deadletters?limit=1", UriKind.Relative), ct);
        Assert.Equal(2, page.GetProperty("total").GetInt32());
        var newest = Assert.Single(page.GetProperty("items").EnumerateArray().ToArray());
        Assert.Equal(("inbox", "m2", "permanent"), (newest.GetProperty("queue").GetString(), newest.GetProperty("key").GetString(),
            newest.GetProperty("reason").GetString()));
        Assert.Contains("bad request from the test", newest.GetProperty("lastError").GetString(), StringComparison.Ordinal);
        var next = page.GetProperty("nextBefore").GetInt64();
        var second = await client.GetFromJsonAsync<JsonElement>(new Uri($"/admin/deadletters?limit=1&before={next}", UriKind.Relative), ct);
        var oldest = Assert.Single(second.GetProperty("items").EnumerateArray().ToArray());
        var oldestId = oldest.GetProperty("id").GetInt64();

        var detail = await client.GetFromJsonAsync<JsonElement>(new Uri($"/admin/deadletters/{oldestId}", UriKind.Relative), ct);
        Assert.Contains("\"hi\"", detail.GetProperty("payload").GetString(), StringComparison.Ordinal);

        var before = host.Scrt.Requests.Count;
        host.Scrt.DefaultAnswer = _ => Results.Json(new { conversationIdentifier = "conv-1", workItemIds = new[] { "0Mw000000000001" }, success = true },
            statusCode: 202);
        using (var replay = await client.PostAsync(new Uri($"/admin/deadletters/{oldestId}/replay", UriKind.Relative), null, ct))
        {
            Assert.Equal(HttpStatusCode.OK, replay.StatusCode);
        }

        await WaitFor.ConditionAsync(() => host.Scrt.Requests.Count == before + 1);
        await WaitFor.ConditionAsync(() => host.CountRowsAsync("inbox WHERE key = 'm1' AND status = 1").GetAwaiter().GetResult() == 1);
        using (var again = await client.PostAsync(new Uri($"/admin/deadletters/{oldestId}/replay", UriKind.Relative), null, ct))
        {
            Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
        }

        using (var missingFilter = await client.DeleteAsync(new Uri("/admin/deadletters", UriKind.Relative), ct))
        {
            Assert.Equal(HttpStatusCode.BadRequest, missingFilter.StatusCode);
        }

        var purged = await (await client.DeleteAsync(new Uri("/admin/deadletters?all=true", UriKind.Relative), ct))
            .Content.ReadFromJsonAsync<JsonElement>(ct);
        Assert.Equal(1, purged.GetProperty("count").GetInt32());
        Assert.Equal(0, await host.CountRowsAsync("dead_letters"));
    }
}
