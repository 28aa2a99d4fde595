using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Byoc.Emulator.Tests.Rest;

/// <summary>Composite, batch, sObject Collections and sObject Tree, written from the REST API Developer Guide's examples.</summary>
public sealed class CompositeTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    [Fact]
    public async Task Composite_ReferencesToEarlierResults_ResolveAndChain()
    {
        await using var host = await RestTestHost.StartAsync();
        using var client = host.CreateClient();

        var body = await PostAsync(client, "/services/data/v66.0/composite", """
            {"compositeRequest":[
              {"method":"POST","url":"/services/data/v66.0/sobjects/Account","referenceId":"NewAccount","body":{"Name":"Composite Co"}},
              {"method":"POST","url":"/services/data/v66.0/sobjects/Contact","referenceId":"NewContact",
               "body":{"LastName":"Chain","AccountId":"@{NewAccount.id}"}},
              {"method":"GET","url":"/services/data/v66.0/sobjects/Contact/@{NewContact.id}?fields=Name,AccountId","referenceId":"ReadBack"},
              {"method":"GET","url":"/services/data/v66.0/query?q=SELECT+Id+FROM+User+LIMIT+1","referenceId":"AnyUser"},
              {"method":"PATCH","url":"/services/data/v66.0/sobjects/Account/@{NewAccount.id}","referenceId":"Rename","body":{"Name":"Renamed Co"}}
            ]}
            """, HttpStatusCode.OK);

        var responses = body.GetProperty("compositeResponse").EnumerateArray().ToList();
        Assert.Equal([201, 201, 200, 200, 204], responses.Select(r => r.GetProperty("httpStatusCode").GetInt32()));
        var accountId = responses[0].GetProperty("body").GetProperty("id").GetString();
        Assert.Equal(accountId, responses[2].GetProperty("body").GetProperty("AccountId").GetString());
        Assert.Equal("ReadBack", responses[2].GetProperty("referenceId").GetString());
        Assert.Equal(1, responses[3].GetProperty("body").GetProperty("totalSize").GetInt32());
        Assert.Equal("Renamed Co", host.Store.Get(accountId!)!.GetString("Name"));
    }

    [Fact]
    public async Task Composite_AllOrNoneWithAFailure_RollsBackAndHaltsTheRest()
    {
        await using var host = await RestTestHost.StartAsync();
        using var client = host.CreateClient();

        var body = await PostAsync(client, "/services/data/v66.0/composite", """
            {"allOrNone":true,"compositeRequest":[
              {"method":"POST","url":"/services/data/v66.0/sobjects/Account","referenceId":"A","body":{"Name":"Rolled Back"}},
              {"method":"POST","url":"/services/data/v66.0/sobjects/Contact","referenceId":"C","body":{"FirstName":"No last name"}},
              {"method":"POST","url":"/services/data/v66.0/sobjects/Account","referenceId":"B","body":{"Name":"Never"}}
            ]}
            """, HttpStatusCode.OK);

        var responses = body.GetProperty("compositeResponse").EnumerateArray().ToList();
        Assert.Equal([400, 400, 400], responses.Select(r => r.GetProperty("httpStatusCode").GetInt32()));
        Assert.Equal(["PROCESSING_HALTED", "REQUIRED_FIELD_MISSING", "PROCESSING_HALTED"],
            responses.Select(r => r.GetProperty("body")[0].GetProperty("errorCode").GetString()));
        Assert.Empty(host.Store.Records("Account"));
    }

    [Fact]
    public async Task Composite_WithoutAllOrNone_OnlyDependentsOfAFailureHalt()
    {
        await using var host = await RestTestHost.StartAsync();
        using var client = host.CreateClient();

        var body = await PostAsync(client, "/services/data/v66.0/composite", """
            {"compositeRequest":[
              {"method":"POST","url":"/services/data/v66.0/sobjects/Contact","referenceId":"Bad","body":{"Email":"x@y.z"}},
              {"method":"GET","url":"/services/data/v66.0/sobjects/Contact/@{Bad.id}","referenceId":"Dependent"},
              {"method":"POST","url":"/services/data/v66.0/sobjects/Account","referenceId":"Independent","body":{"Name":"Kept"}},
              {"method":"GET","url":"/services/data/v66.0/wave/datasets","referenceId":"Unserved"}
            ]}
            """, HttpStatusCode.OK);

        var responses = body.GetProperty("compositeResponse").EnumerateArray().ToList();
        Assert.Equal([400, 400, 201, 404], responses.Select(r => r.GetProperty("httpStatusCode").GetInt32()));
        Assert.Equal("PROCESSING_HALTED", responses[1].GetProperty("body")[0].GetProperty("errorCode").GetString());
        Assert.Single(host.Store.Records("Account"));
    }

    [Theory]
    [InlineData("""{"compositeRequest":[]}""", "LIMIT_EXCEEDED")]
    [InlineData("""{"compositeRequest":[{"method":"GET","url":"/services/data/v66.0/limits"}]}""", "INVALID_API_INPUT")]
    [InlineData("""{"compositeRequest":[{"method":"GET","url":"/x","referenceId":"a"},{"method":"GET","url":"/x","referenceId":"a"}]}""", "INVALID_API_INPUT")]
    [InlineData("""{"requests":[]}""", "INVALID_API_INPUT")]
    [InlineData("[1]", "INVALID_API_INPUT")]
    public async Task Composite_MalformedRequest_400(string json, string code)
    {
        await using var host = await RestTestHost.StartAsync();
        using var client = host.CreateClient();

        var body = await PostAsync(client, "/services/data/v66.0/composite", json, HttpStatusCode.BadRequest);

        Assert.Equal(code, body[0].GetProperty("errorCode").GetString());
    }

    [Fact]
    public async Task Composite_MoreThan25Subrequests_LimitExceeded()
    {
        await using var host = await RestTestHost.StartAsync();
        using var client = host.CreateClient();
        var requests = string.Join(',', Enumerable.Range(0, 26).Select(i => $$"""{"method":"GET","url":"/services/data/v66.0/limits","referenceId":"r{{i}}"}"""));

        var body = await PostAsync(client, "/services/data/v66.0/composite", $$"""{"compositeRequest":[{{requests}}]}""", HttpStatusCode.BadRequest);

        Assert.Equal("LIMIT_EXCEEDED", body[0].GetProperty("errorCode").GetString());
    }

    [Fact]
    public async Task Batch_HaltOnError_LaterSubrequestsReport412()
    {
        await using var host = await RestTestHost.StartAsync();
        using var client = host.CreateClient();

        var body = await PostAsync(client, "/services/data/v66.0/composite/batch", """
            {"haltOnError":true,"batchRequests":[
              {"method":"POST","url":"v66.0/sobjects/Account","richInput":{"Name":"Batched"}},
              {"method":"GET","url":"v66.0/sobjects/Account/001000000000000AAA"},
              {"method":"GET","url":"v66.0/query?q=SELECT+Id+FROM+Account"}
            ]}
            """, HttpStatusCode.OK);

        Assert.True(body.GetProperty("hasErrors").GetBoolean());
        Assert.Equal([201, 404, 412], body.GetProperty("results").EnumerateArray().Select(r => r.GetProperty("statusCode").GetInt32()));
        Assert.Equal("BATCH_PROCESSING_HALTED", body.GetProperty("results")[2].GetProperty("result")[0].GetProperty("errorCode").GetString());
    }

    [Fact]
    public async Task Collections_CreateRetrieveUpdateDelete_MixedTypes()
    {
        await using var host = await RestTestHost.StartAsync();
        using var client = host.CreateClient();

        var created = await PostAsync(client, "/services/data/v66.0/composite/sobjects", """
            {"records":[{"attributes":{"type":"Account"},"Name":"One"},{"attributes":{"type":"Account"},"Name":"Two"},
                        {"attributes":{"type":"Contact"},"LastName":"Three"}]}
            """, HttpStatusCode.OK);
        var ids = created.EnumerateArray().Select(r => r.GetProperty("id").GetString()!).ToList();
        using var update = await client.PatchAsync("/services/data/v66.0/composite/sobjects", Json($$"""
            {"records":[{"attributes":{"type":"Account"},"Id":"{{ids[0]}}","Rating":"Hot"},{"attributes":{"type":"Account"},"Id":"{{ids[1]}}","Rating":"Cold"}]}
            """), Ct);
        var retrieved = await client.GetFromJsonAsync<JsonElement>(
            $"/services/data/v66.0/composite/sobjects/Account?ids={ids[0]},{ids[1]},001000000000000AAA&fields=Name,Rating", Ct);
        using var delete = await client.DeleteAsync($"/services/data/v66.0/composite/sobjects?ids={ids[0]},{ids[2]}", Ct);

        Assert.All(created.EnumerateArray(), r => Assert.True(r.GetProperty("success").GetBoolean()));
        Assert.Equal(HttpStatusCode.OK, update.StatusCode);
        Assert.Equal(["Hot", "Cold"], retrieved.EnumerateArray().Take(2).Select(r => r.GetProperty("Rating").GetString()));
        Assert.Equal(JsonValueKind.Null, retrieved[2].ValueKind);
        var deleted = await delete.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal([ids[0], ids[2]], deleted.EnumerateArray().Select(r => r.GetProperty("id").GetString()));
        Assert.Equal(["Two"], host.Store.Records("Account").Select(a => a.GetString("Name")));
        Assert.Empty(host.Store.Records("Contact"));
    }

    [Fact]
    public async Task Collections_AllOrNoneWithAnInvalidRecord_NothingSavedAndOthersReportRollback()
    {
        await using var host = await RestTestHost.StartAsync();
        using var client = host.CreateClient();

        var results = await PostAsync(client, "/services/data/v66.0/composite/sobjects", """
            {"allOrNone":true,"records":[{"attributes":{"type":"Account"},"Name":"Valid"},{"attributes":{"type":"Account"},"Nope__c":1},
                                         {"attributes":{"type":"Nothing"},"Name":"x"}]}
            """, HttpStatusCode.OK);

        Assert.Equal(["ALL_OR_NONE_OPERATION_ROLLED_BACK", "INVALID_FIELD", "INVALID_TYPE"],
            results.EnumerateArray().Select(r => r.GetProperty("errors")[0].GetProperty("statusCode").GetString()));
        Assert.All(results.EnumerateArray(), r => Assert.False(r.GetProperty("success").GetBoolean()));
        Assert.Empty(host.Store.Records("Account"));
    }

    [Fact]
    public async Task Collections_UpsertByExternalId_ReportsCreated()
    {
        await using var host = await RestTestHost.StartAsync();
        using var client = host.CreateClient();
        var existing = host.Store.Records("User")[0].GetString("Username");

        using var response = await client.PatchAsync("/services/data/v66.0/composite/sobjects/User/Username", Json($$"""
            {"records":[{"attributes":{"type":"User"},"Username":"{{existing}}","Title":"Lead"},
                        {"attributes":{"type":"User"},"Username":"new@byoc.emulated","LastName":"New","Email":"n@byoc.emulated","Alias":"n",
                         "TimeZoneSidKey":"GMT","LocaleSidKey":"en_US","LanguageLocaleKey":"en_US"}]}
            """), Ct);

        var results = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal([false, true], results.EnumerateArray().Select(r => r.GetProperty("created").GetBoolean()));
        Assert.Equal("Lead", host.Store.Lookup("User", "Username", existing!)[0].GetString("Title"));
    }

    [Fact]
    public async Task Collections_MoreThan200Records_ExceededIdLimit()
    {
        await using var host = await RestTestHost.StartAsync();
        using var client = host.CreateClient();
        var records = string.Join(',', Enumerable.Range(0, 201).Select(i => $$"""{"attributes":{"type":"Account"},"Name":"A{{i}}"}"""));

        var body = await PostAsync(client, "/services/data/v66.0/composite/sobjects", $$"""{"records":[{{records}}]}""", HttpStatusCode.BadRequest);

        Assert.Equal("EXCEEDED_ID_LIMIT", body[0].GetProperty("errorCode").GetString());
        Assert.Empty(host.Store.Records("Account"));
    }

    [Fact]
    public async Task Tree_AccountsWithContacts_CreatesAllAndLinksChildren()
    {
        await using var host = await RestTestHost.StartAsync();
        using var client = host.CreateClient();

        var body = await PostAsync(client, "/services/data/v66.0/composite/tree/Account", """
            {"records":[
              {"attributes":{"type":"Account","referenceId":"ref1"},"Name":"Tree One","Contacts":{"records":[
                {"attributes":{"type":"Contact","referenceId":"ref2"},"LastName":"Leaf","Email":"leaf@example.com"},
                {"attributes":{"type":"Contact","referenceId":"ref3"},"LastName":"Twig"}]}},
              {"attributes":{"type":"Account","referenceId":"ref4"},"Name":"Tree Two"}]}
            """, HttpStatusCode.Created);

        Assert.False(body.GetProperty("hasErrors").GetBoolean());
        var ids = body.GetProperty("results").EnumerateArray().ToDictionary(r => r.GetProperty("referenceId").GetString()!, r => r.GetProperty("id").GetString()!);
        Assert.Equal(["ref1", "ref2", "ref3", "ref4"], ids.Keys);
        Assert.Equal(ids["ref1"], host.Store.Get(ids["ref2"])!.GetString("AccountId"));
        Assert.Equal(ids["ref1"], host.Store.Get(ids["ref3"])!.GetString("AccountId"));
    }

    [Theory]
    [InlineData("""{"records":[{"attributes":{"type":"Account","referenceId":"a"},"Name":"Ok","Contacts":{"records":[{"attributes":{"type":"Contact","referenceId":"c"},"FirstName":"No last"}]}}]}""",
        "c", "REQUIRED_FIELD_MISSING")]
    [InlineData("""{"records":[{"attributes":{"type":"Account","referenceId":"a"},"Name":"Ok","Widgets":{"records":[]}}]}""", "a", "INVALID_FIELD")]
    [InlineData("""{"records":[{"attributes":{"type":"Account"},"Name":"No reference"}]}""", null, "INVALID_INPUT")]
    [InlineData("""{"records":[{"attributes":{"type":"Contact","referenceId":"a"},"LastName":"Wrong type"}]}""", "a", "INVALID_TYPE")]
    public async Task Tree_AnInvalidRecord_400AndNothingCreated(string json, string? referenceId, string code)
    {
        await using var host = await RestTestHost.StartAsync();
        using var client = host.CreateClient();

        var body = await PostAsync(client, "/services/data/v66.0/composite/tree/Account", json, HttpStatusCode.BadRequest);

        Assert.True(body.GetProperty("hasErrors").GetBoolean());
        var failure = Assert.Single(body.GetProperty("results").EnumerateArray());
        Assert.Equal(referenceId, failure.GetProperty("referenceId").GetString());
        Assert.Equal(code, failure.GetProperty("errors")[0].GetProperty("statusCode").GetString());
        Assert.Empty(host.Store.Records("Account"));
        Assert.Empty(host.Store.Records("Contact"));
    }

    private static async Task<JsonElement> PostAsync(HttpClient client, string url, string json, HttpStatusCode expected)
    {
        using var response = await client.PostAsync(url, Json(json), Ct);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.True(response.StatusCode == expected, $"{(int)response.StatusCode}: {body}");
        return body;
    }
}
