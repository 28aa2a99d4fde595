using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Byoc.Emulator.Tests.Rest;

/// <summary>The resource map and the resources behind it: limits, record counts, external ids, replication (issue 19.3).</summary>
public sealed class RestResourcesTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    [Theory]
    [InlineData("/services/data/v66.0")]
    [InlineData("/services/data/v66.0/tooling")]
    public async Task ResourceMap_EveryListedResource_IsServed(string map)
    {
        await using var host = await RestTestHost.StartAsync();
        using var client = host.CreateClient();

        var resources = await client.GetFromJsonAsync<JsonElement>(map, Ct);

        Assert.NotEmpty(resources.EnumerateObject());
        foreach (var resource in resources.EnumerateObject())
        {
            using var response = await client.GetAsync(resource.Value.GetString(), Ct);
            // A query resource without q answers 400 MALFORMED_QUERY; anything but 404 means it is there.
            Assert.True(response.StatusCode != HttpStatusCode.NotFound, $"{resource.Name} ({resource.Value}) answered 404");
            Assert.True((int)response.StatusCode < 500, $"{resource.Name} answered {(int)response.StatusCode}");
        }
    }

    /// <summary>
    /// <c>GET /composite</c> lists its sub-resources; they take POST (and PATCH/DELETE), so a GET on one is a 405 naming the
    /// allowed methods, as on a real org, not a 404.
    /// </summary>
    [Theory]
    [InlineData("batch", "POST")]
    [InlineData("tree", "POST")]
    [InlineData("sobjects", "POST,PATCH,DELETE")]
    public async Task CompositeMap_ListedResourceWithGet_MethodNotAllowed(string resource, string allowed)
    {
        await using var host = await RestTestHost.StartAsync();
        using var client = host.CreateClient();
        var composite = await client.GetFromJsonAsync<JsonElement>("/services/data/v66.0/composite", Ct);

        using var response = await client.GetAsync(composite.GetProperty(resource).GetString(), Ct);

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        var error = Assert.Single((await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).EnumerateArray());
        Assert.Equal("METHOD_NOT_ALLOWED", error.GetProperty("errorCode").GetString());
        Assert.Equal($"HTTP Method 'GET' not allowed. Allowed are {allowed}", error.GetProperty("message").GetString());
    }

    [Fact]
    public async Task Limits_CountsEveryCall_AndReportsItInSforceLimitInfo()
    {
        await using var host = await RestTestHost.StartAsync();
        using var client = host.CreateClient();

        using var first = await client.GetAsync("/services/data/v66.0/limits", Ct);
        var before = (await first.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("DailyApiRequests");
        await client.GetAsync("/services/data/v66.0/sobjects", Ct);
        var after = (await client.GetFromJsonAsync<JsonElement>("/services/data/v66.0/limits", Ct)).GetProperty("DailyApiRequests");

        Assert.Equal(15000, before.GetProperty("Max").GetInt32());
        Assert.Equal(before.GetProperty("Remaining").GetInt32() - 2, after.GetProperty("Remaining").GetInt32());
        Assert.Matches(@"^api-usage=\d+/15000$", first.Headers.GetValues("Sforce-Limit-Info").Single());
    }

    [Fact]
    public async Task RecordCount_NamedTypes_CountsTheirRecords()
    {
        await using var host = await RestTestHost.StartAsync();
        using var client = host.CreateClient();
        var users = host.Store.Records("User").Count;

        var body = await client.GetFromJsonAsync<JsonElement>("/services/data/v66.0/limits/recordCount?sObjects=User,MessagingSession,Account", Ct);

        var counts = body.GetProperty("sObjects").EnumerateArray().ToDictionary(o => o.GetProperty("name").GetString()!, o => o.GetProperty("count").GetInt32());
        Assert.Equal(new Dictionary<string, int> { ["User"] = users, ["MessagingSession"] = 3, ["Account"] = 0 }, counts);
    }

    [Fact]
    public async Task Upsert_ByExternalId_CreatesThenUpdatesThenLooksUp()
    {
        await using var host = await RestTestHost.StartAsync();
        using var client = host.CreateClient();
        const string Url = "/services/data/v66.0/sobjects/User/Username/sam@byoc.emulated";
        const string Body = """{"LastName":"Sam","Email":"sam@byoc.emulated","Alias":"sam","TimeZoneSidKey":"Europe/Paris","LocaleSidKey":"fr_FR","LanguageLocaleKey":"fr"}""";

        using var created = await client.PatchAsync(Url, Json(Body), Ct);
        using var updated = await client.PatchAsync(Url, Json("""{"Title":"Rep"}"""), Ct);
        var found = await client.GetFromJsonAsync<JsonElement>(Url + "?fields=Username,Title,Name", Ct);

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var createdBody = await created.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.True(createdBody.GetProperty("created").GetBoolean());
        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);
        var updatedBody = await updated.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.False(updatedBody.GetProperty("created").GetBoolean());
        Assert.Equal(createdBody.GetProperty("id").GetString(), updatedBody.GetProperty("id").GetString());
        Assert.Equal(("sam@byoc.emulated", "Rep", "Sam"), (found.GetProperty("Username").GetString(), found.GetProperty("Title").GetString(),
            found.GetProperty("Name").GetString()));
    }

    [Theory]
    [InlineData("PATCH", "/services/data/v66.0/sobjects/User/Nickname__c/x", HttpStatusCode.NotFound, "NOT_FOUND")]
    [InlineData("PATCH", "/services/data/v66.0/sobjects/User/Email/x@y.z", HttpStatusCode.NotFound, "NOT_FOUND")]
    [InlineData("GET", "/services/data/v66.0/sobjects/User/Username/nobody@byoc.emulated", HttpStatusCode.NotFound, "NOT_FOUND")]
    [InlineData("PATCH", "/services/data/v66.0/sobjects/Account/Id/001000000000000AAA", HttpStatusCode.NotFound, "NOT_FOUND")]
    [InlineData("DELETE", "/services/data/v66.0/sobjects/Account/Id/001000000000000AAA", HttpStatusCode.NotFound, "NOT_FOUND")]
    public async Task ExternalId_UnknownFieldOrRecord_NotFound(string method, string url, HttpStatusCode status, string code)
    {
        await using var host = await RestTestHost.StartAsync();
        using var client = host.CreateClient();
        using var request = new HttpRequestMessage(new HttpMethod(method), url) { Content = method == "GET" ? null : Json("""{"Title":"x"}""") };

        using var response = await client.SendAsync(request, Ct);

        Assert.Equal(status, response.StatusCode);
        Assert.Equal(code, (await response.Content.ReadFromJsonAsync<JsonElement>(Ct))[0].GetProperty("errorCode").GetString());
    }

    [Fact]
    public async Task Create_DuplicateUniqueValue_DuplicateValue()
    {
        await using var host = await RestTestHost.StartAsync();
        using var client = host.CreateClient();
        var taken = host.Store.Records("User")[0].GetString("Username");

        using var response = await client.PostAsync("/services/data/v66.0/sobjects/User", Json($$"""
            {"Username":"{{taken}}","LastName":"Twin","Email":"t@byoc.emulated","Alias":"t","TimeZoneSidKey":"GMT","LocaleSidKey":"en_US","LanguageLocaleKey":"en_US"}
            """), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = (await response.Content.ReadFromJsonAsync<JsonElement>(Ct))[0];
        Assert.Equal("DUPLICATE_VALUE", error.GetProperty("errorCode").GetString());
        Assert.Equal("Username", error.GetProperty("fields")[0].GetString());
    }

    [Fact]
    public async Task UpdatedAndDeleted_WithinTheRange_ListTheIds()
    {
        await using var host = await RestTestHost.StartAsync();
        using var client = host.CreateClient();
        var start = Uri.EscapeDataString(host.Time.GetUtcNow().AddMinutes(-1).ToString("o"));
        using var create = await client.PostAsync("/services/data/v66.0/sobjects/Account", Json("""{"Name":"Kept"}"""), Ct);
        using var createGone = await client.PostAsync("/services/data/v66.0/sobjects/Account", Json("""{"Name":"Gone"}"""), Ct);
        var kept = (await create.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetString();
        var gone = (await createGone.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetString();
        host.Time.Advance(TimeSpan.FromMinutes(2));
        using var delete = await client.DeleteAsync($"/services/data/v66.0/sobjects/Account/{gone}", Ct);
        var end = Uri.EscapeDataString(host.Time.GetUtcNow().AddMinutes(1).ToString("o"));

        var updated = await client.GetFromJsonAsync<JsonElement>($"/services/data/v66.0/sobjects/Account/updated/?start={start}&end={end}", Ct);
        var deleted = await client.GetFromJsonAsync<JsonElement>($"/services/data/v66.0/sobjects/Account/deleted/?start={start}&end={end}", Ct);

        Assert.Equal([kept], updated.GetProperty("ids").EnumerateArray().Select(i => i.GetString()));
        Assert.Equal("2026-11-24T09:32:00.000+0000", updated.GetProperty("latestDateCovered").GetString());
        var record = Assert.Single(deleted.GetProperty("deletedRecords").EnumerateArray());
        Assert.Equal(gone, record.GetProperty("id").GetString());
        Assert.Equal("2026-11-24T09:32:00.000+0000", record.GetProperty("deletedDate").GetString());
        Assert.True(deleted.TryGetProperty("earliestDateAvailable", out _));
    }

    [Theory]
    [InlineData("")]
    [InlineData("?start=yesterday&end=today")]
    [InlineData("?start=2026-11-24T09:00:00Z&end=2026-11-23T09:00:00Z")]
    [InlineData("?start=2026-09-01T00:00:00Z&end=2026-11-24T09:00:00Z")]
    public async Task Updated_BadRange_InvalidReplicationDate(string query)
    {
        await using var host = await RestTestHost.StartAsync();
        using var client = host.CreateClient();

        using var response = await client.GetAsync("/services/data/v66.0/sobjects/Account/updated/" + query, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("INVALID_REPLICATION_DATE", (await response.Content.ReadFromJsonAsync<JsonElement>(Ct))[0].GetProperty("errorCode").GetString());
    }
}
