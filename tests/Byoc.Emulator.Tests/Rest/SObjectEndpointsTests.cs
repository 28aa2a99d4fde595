using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Byoc.Emulator.Org.Ids;
using Byoc.Emulator.Org.Seed;

namespace Byoc.Emulator.Tests.Rest;

public sealed class SObjectEndpointsTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    private static async Task<JsonElement> SingleErrorAsync(HttpResponseMessage response) =>
        Assert.Single((await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).EnumerateArray());

    [Fact]
    public async Task GlobalDescribe_DataAndTooling_ListTheirTypes()
    {
        await using var host = await RestTestHost.StartAsync();
        using var client = host.CreateClient();

        var data = await client.GetFromJsonAsync<JsonElement>("/services/data/v66.0/sobjects", Ct);
        var tooling = await client.GetFromJsonAsync<JsonElement>("/services/data/v66.0/tooling/sobjects", Ct);

        var dataNames = data.GetProperty("sobjects").EnumerateArray().Select(o => o.GetProperty("name").GetString()).ToList();
        var toolingNames = tooling.GetProperty("sobjects").EnumerateArray().Select(o => o.GetProperty("name").GetString()).ToList();
        Assert.Contains("MessagingSession", dataNames);
        Assert.DoesNotContain("FlowDefinition", dataNames);
        Assert.Contains("FlowDefinition", toolingNames);
        Assert.Contains("PackageInstallRequest", toolingNames);
    }

    [Fact]
    public async Task Describe_MessagingChannel_FieldsWithReferencesAndPicklists()
    {
        await using var host = await RestTestHost.StartAsync();
        using var client = host.CreateClient();

        var describe = await client.GetFromJsonAsync<JsonElement>("/services/data/v66.0/sobjects/MessagingChannel/describe", Ct);

        Assert.Equal("0Mj", describe.GetProperty("keyPrefix").GetString());
        var fields = describe.GetProperty("fields").EnumerateArray().ToDictionary(f => f.GetProperty("name").GetString()!);
        var handler = fields["SessionHandlerId"];
        Assert.Equal("reference", handler.GetProperty("type").GetString());
        Assert.Equal("SessionHandler", handler.GetProperty("relationshipName").GetString());
        Assert.Contains("BotDefinition", handler.GetProperty("referenceTo").EnumerateArray().Select(r => r.GetString()));
        Assert.True(handler.GetProperty("updateable").GetBoolean());
        Assert.False(fields["DeveloperName"].GetProperty("updateable").GetBoolean());
        Assert.Contains("Custom", fields["MessageType"].GetProperty("picklistValues").EnumerateArray().Select(v => v.GetProperty("value").GetString()));
        Assert.Equal("id", fields["Id"].GetProperty("type").GetString());
    }

    [Fact]
    public async Task Describe_PlatformEvent_Describable()
    {
        await using var host = await RestTestHost.StartAsync();
        using var client = host.CreateClient();

        var describe = await client.GetFromJsonAsync<JsonElement>($"/services/data/v66.0/sobjects/{SeededOrg.PlatformEventName}/describe", Ct);

        Assert.True(describe.GetProperty("createable").GetBoolean());
        Assert.False(describe.GetProperty("queryable").GetBoolean());
        Assert.Contains(SeededOrg.PayloadField, describe.GetProperty("fields").EnumerateArray().Select(f => f.GetProperty("name").GetString()));
    }

    [Theory]
    [InlineData("/services/data/v66.0/sobjects/Nope/describe")]
    [InlineData("/services/data/v66.0/sobjects/FlowDefinition/describe")]
    [InlineData("/services/data/v66.0/tooling/sobjects/MessagingSession/describe")]
    [InlineData("/services/data/v66.0/sobjects/User/005000000000000AAA")]
    [InlineData("/services/data/v66.0/sobjects/User/not-an-id")]
    public async Task Get_UnknownTypeOrRecord_NotFound(string path)
    {
        await using var host = await RestTestHost.StartAsync();
        using var client = host.CreateClient();

        using var response = await client.GetAsync(path, Ct);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("NOT_FOUND", (await SingleErrorAsync(response)).GetProperty("errorCode").GetString());
    }

    [Fact]
    public async Task Get_WithFields_ReturnsOnlyThose()
    {
        await using var host = await RestTestHost.StartAsync();
        using var client = host.CreateClient();

        var user = await client.GetFromJsonAsync<JsonElement>($"/services/data/v66.0/sobjects/User/{host.Store.DefaultActorId![..15]}?fields=Username,Name", Ct);
        using var bad = await client.GetAsync($"/services/data/v66.0/sobjects/User/{host.Store.DefaultActorId}?fields=Nope", Ct);

        Assert.Equal(["attributes", "Username", "Name"], user.EnumerateObject().Select(p => p.Name));
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal("INVALID_FIELD", (await SingleErrorAsync(bad)).GetProperty("errorCode").GetString());
    }

    [Fact]
    public async Task Patch_MessagingChannelRouting_204AndQueryable()
    {
        await using var host = await RestTestHost.StartAsync();
        using var client = host.CreateClient();
        var channel = host.Store.Lookup("MessagingChannel", "DeveloperName", SeededOrg.ChannelDeveloperName).Single();
        var queue = host.Store.Lookup("Group", "DeveloperName", SeededOrg.QueueDeveloperName).Single();

        using var response = await client.PatchAsync($"//services/data/v66.0/sobjects/MessagingChannel/{channel.Id}".TrimStart('/'),
            Json($$"""{"SessionHandlerId":"{{queue.Id[..15]}}","FallbackQueueId":null}"""), Ct);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal(0, response.Content.Headers.ContentLength ?? 0);
        var updated = host.Store.Get(channel.Id)!;
        Assert.Equal(queue.Id, updated.GetString("SessionHandlerId"));
        Assert.Null(updated.GetString("FallbackQueueId"));
    }

    [Theory]
    [InlineData("""{"DeveloperName":"Renamed"}""", "INVALID_FIELD_FOR_INSERT_UPDATE", "DeveloperName")]
    [InlineData("""{"Nope":1}""", "INVALID_FIELD", null)]
    [InlineData("""{"SessionHandlerId":"xyz"}""", "MALFORMED_ID", "SessionHandlerId")]
    [InlineData("""{"SessionHandlerId":"{session}"}""", "FIELD_INTEGRITY_EXCEPTION", "SessionHandlerId")]
    [InlineData("""{"SessionHandlerId":"{missingBot}"}""", "INVALID_CROSS_REFERENCE_KEY", "SessionHandlerId")]
    [InlineData("""{"ConsentType":"Sometimes"}""", "INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST", "ConsentType")]
    [InlineData("""{"IsActive":"maybe"}""", "JSON_PARSER_ERROR", null)]
    [InlineData("""{"MasterLabel":["x"]}""", "JSON_PARSER_ERROR", null)]
    [InlineData("""[1]""", "JSON_PARSER_ERROR", null)]
    [InlineData("""{"MasterLabel":""", "JSON_PARSER_ERROR", null)]
    public async Task Patch_InvalidBody_400WithSalesforceCode(string body, string code, string? field)
    {
        await using var host = await RestTestHost.StartAsync();
        using var client = host.CreateClient();
        var channel = host.Store.Lookup("MessagingChannel", "DeveloperName", SeededOrg.ChannelDeveloperName).Single();

        body = body.Replace("{session}", host.Escalated, StringComparison.Ordinal)
            .Replace("{missingBot}", SalesforceId.Create("0Xx", 999_999), StringComparison.Ordinal);
        using var response = await client.PatchAsync($"/services/data/v66.0/sobjects/MessagingChannel/{channel.Id}", Json(body), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = await SingleErrorAsync(response);
        Assert.Equal(code, error.GetProperty("errorCode").GetString());
        if (field is not null)
        {
            Assert.Equal(field, Assert.Single(error.GetProperty("fields").EnumerateArray()).GetString());
        }
    }

    [Fact]
    public async Task Write_HostileBodies_NeverServerError()
    {
        await using var host = await RestTestHost.StartAsync();
        using var client = host.CreateClient();
        var channel = host.Store.Lookup("MessagingChannel", "DeveloperName", SeededOrg.ChannelDeveloperName).Single();
        string[] bodies = ["", "null", "\"\"", "{", "{\"MasterLabel\":null}", "{\"IsActive\":null}", "{\"IsActive\":1e400}",
            "{\"AgentMessageCount\":\"NaN\"}", "{\"MasterLabel\":{\"a\":1}}", "{\"MasterLabel\":\"💬\\u0000\"}",
            "{\"MasterLabel\":\"" + new string('x', 100_000) + "\"}", "{\"attributes\":5}", "{\"SessionHandlerId\":12}"];

        foreach (var body in bodies)
        {
            using var patch = await client.PatchAsync($"/services/data/v66.0/sobjects/MessagingChannel/{channel.Id}", Json(body), Ct);
            using var post = await client.PostAsync("/services/data/v66.0/sobjects/BotVersion", Json(body), Ct);
            using var versions = await client.PostAsync("/services/data/v66.0/tooling/sobjects/PackageInstallRequest", Json(body), Ct);
            Assert.True((int)patch.StatusCode < 500, body);
            Assert.True((int)post.StatusCode < 500, body);
            Assert.True((int)versions.StatusCode < 500, body);
        }

        using var all = await client.GetAsync("/services/data/v66.0/query?q=" + Uri.EscapeDataString("SELECT FIELDS(ALL) FROM MessagingChannel LIMIT 200"), Ct);
        Assert.Equal(HttpStatusCode.OK, all.StatusCode);
    }

    [Fact]
    public async Task Post_GroupThenDelete_201And204()
    {
        await using var host = await RestTestHost.StartAsync();
        using var client = host.CreateClient();

        using var created = await client.PostAsync("/services/data/v66.0/sobjects/Group",
            Json("""{"attributes":{"type":"Group"},"Name":"Escalations","DeveloperName":"Escalations","Type":"Queue"}"""), Ct);
        var body = await created.Content.ReadFromJsonAsync<JsonElement>(Ct);
        var id = body.GetProperty("id").GetString()!;
        using var deleted = await client.DeleteAsync($"/services/data/v66.0/sobjects/Group/{id}", Ct);
        using var again = await client.DeleteAsync($"/services/data/v66.0/sobjects/Group/{id}", Ct);

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal("""{"id":"ID","success":true,"errors":[]}""".Replace("ID", id, StringComparison.Ordinal), body.GetRawText());
        Assert.StartsWith("00G", id);
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
        Assert.Null(host.Store.Get(id));
    }

    [Fact]
    public async Task Post_MissingRequiredField_RequiredFieldMissing()
    {
        await using var host = await RestTestHost.StartAsync();
        using var client = host.CreateClient();

        using var response = await client.PostAsync("/services/data/v66.0/sobjects/Group", Json("""{"DeveloperName":"NoName"}"""), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = await SingleErrorAsync(response);
        Assert.Equal("REQUIRED_FIELD_MISSING", error.GetProperty("errorCode").GetString());
        Assert.Equal("Required fields are missing: [Name]", error.GetProperty("message").GetString());
    }

    [Theory]
    [InlineData("POST", "/services/data/v66.0/sobjects/BotDefinition", "GET,HEAD")]
    [InlineData("POST", "/services/data/v66.0/sobjects/MessagingSession", "GET,HEAD")]
    [InlineData("DELETE", "/services/data/v66.0/sobjects/MessagingChannel/{channel}", "GET,HEAD,PATCH")]
    [InlineData("PUT", "/services/data/v66.0/sobjects/MessagingChannel/{channel}", "GET,HEAD,PATCH")]
    public async Task Write_NotAllowedOnType_405(string method, string path, string allowed)
    {
        await using var host = await RestTestHost.StartAsync();
        using var client = host.CreateClient();
        var channel = host.Store.Lookup("MessagingChannel", "DeveloperName", SeededOrg.ChannelDeveloperName).Single();

        using var request = new HttpRequestMessage(new HttpMethod(method), path.Replace("{channel}", channel.Id, StringComparison.Ordinal))
        {
            Content = Json("{}"),
        };
        using var response = await client.SendAsync(request, Ct);

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        var error = await SingleErrorAsync(response);
        Assert.Equal("METHOD_NOT_ALLOWED", error.GetProperty("errorCode").GetString());
        Assert.EndsWith("Allowed are " + allowed, error.GetProperty("message").GetString());
    }

    [Fact]
    public async Task ToolingPackageInstallRequest_CreateAndGet()
    {
        await using var host = await RestTestHost.StartAsync();
        using var client = host.CreateClient();

        using var created = await client.PostAsync("/services/data/v66.0/tooling/sobjects/PackageInstallRequest", Json(
            """{"ApexCompileType":"all","EnableRss":false,"NameConflictResolution":"Block","PackageInstallSource":"U","SecurityType":"None","UpgradeType":"mixed-mode","SubscriberPackageVersionKey":"04t000000000001AAA"}"""), Ct);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetString();
        var record = await client.GetFromJsonAsync<JsonElement>($"/services/data/v66.0/tooling/sobjects/PackageInstallRequest/{id}", Ct);
        using var onData = await client.PostAsync("/services/data/v66.0/sobjects/PackageInstallRequest", Json("{}"), Ct);

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal($"/services/data/v66.0/tooling/sobjects/PackageInstallRequest/{id}", record.GetProperty("attributes").GetProperty("url").GetString());
        Assert.Equal("04t000000000001AAA", record.GetProperty("SubscriberPackageVersionKey").GetString());
        Assert.Equal(HttpStatusCode.NotFound, onData.StatusCode);
    }
}
