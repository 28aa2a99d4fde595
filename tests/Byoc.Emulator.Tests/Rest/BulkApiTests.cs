using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Byoc.Emulator.Tests.Rest;

/// <summary>Bulk API 2.0 ingest and query jobs, driven as the Bulk API 2.0 Developer Guide's walkthroughs do.</summary>
public sealed class BulkApiTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    [Fact]
    public async Task Ingest_InsertCsv_SuccessAndFailureFilesPerRow()
    {
        await using var host = await RestTestHost.StartAsync();
        using var client = host.CreateClient();
        var owner = host.Store.Records("User")[0];

        var job = await CreateJobAsync(client, """{"object":"Account","operation":"insert","lineEnding":"LF","columnDelimiter":"COMMA"}""");
        using var upload = await client.PutAsync($"/services/data/v66.0/jobs/ingest/{job}/batches", new StringContent(
            $"Name,Industry,Owner.Username,NumberOfEmployees\n\"Bulk, One\",Banking,{owner.GetString("Username")},12\n,Retail,,\nBulk Three,,,#N/A\n",
            Encoding.UTF8, "text/csv"), Ct);
        var closed = await CloseAsync(client, job);
        var info = await client.GetFromJsonAsync<JsonElement>($"/services/data/v66.0/jobs/ingest/{job}", Ct);
        var successful = await client.GetStringAsync($"/services/data/v66.0/jobs/ingest/{job}/successfulResults", Ct);
        var failed = await client.GetStringAsync($"/services/data/v66.0/jobs/ingest/{job}/failedResults", Ct);

        Assert.Equal(HttpStatusCode.Created, upload.StatusCode);
        Assert.Equal("UploadComplete", closed.GetProperty("state").GetString());
        Assert.Equal(("JobComplete", 3, 1), (info.GetProperty("state").GetString(), info.GetProperty("numberRecordsProcessed").GetInt32(),
            info.GetProperty("numberRecordsFailed").GetInt32()));
        var okLines = successful.TrimEnd('\n').Split('\n');
        Assert.Equal("\"sf__Id\",\"sf__Created\",\"Name\",\"Industry\",\"Owner.Username\",\"NumberOfEmployees\"", okLines[0]);
        Assert.Equal(3, okLines.Length);
        Assert.Contains("\"true\",\"Bulk, One\"", okLines[1], StringComparison.Ordinal);
        Assert.StartsWith("\"sf__Id\",\"sf__Error\"", failed, StringComparison.Ordinal);
        Assert.Contains("REQUIRED_FIELD_MISSING:Required fields are missing: [Name]:Name --", failed, StringComparison.Ordinal);
        var bulkOne = Assert.Single(host.Store.Records("Account"), a => a.GetString("Name") == "Bulk, One");
        Assert.Equal((owner.Id, 12L), (bulkOne.GetString("OwnerId"), bulkOne.GetLong("NumberOfEmployees")));
        Assert.Null(Assert.Single(host.Store.Records("Account"), a => a.GetString("Name") == "Bulk Three").GetLong("NumberOfEmployees"));
    }

    [Fact]
    public async Task Ingest_UpdateThenDelete_ById()
    {
        await using var host = await RestTestHost.StartAsync();
        using var client = host.CreateClient();
        var ids = host.Store.Write(w => Enumerable.Range(0, 3).Select(i => w.Insert("Account", new Dictionary<string, object?> { ["Name"] = $"A{i}" }).Id).ToList());

        var update = await CreateJobAsync(client, """{"object":"Account","operation":"update"}""");
        await client.PutAsync($"/services/data/v66.0/jobs/ingest/{update}/batches",
            new StringContent($"Id;Rating\r\n{ids[0]};Hot\r\n{ids[1]};Cold\r\n", Encoding.UTF8, "text/csv"), Ct);
        await client.PatchAsync($"/services/data/v66.0/jobs/ingest/{update}", Json("""{"state":"UploadComplete"}"""), Ct);
        var wrongDelimiter = await client.GetFromJsonAsync<JsonElement>($"/services/data/v66.0/jobs/ingest/{update}", Ct);
        var updateSemicolon = await CreateJobAsync(client, """{"object":"Account","operation":"update","columnDelimiter":"SEMICOLON","lineEnding":"CRLF"}""");
        await client.PutAsync($"/services/data/v66.0/jobs/ingest/{updateSemicolon}/batches",
            new StringContent($"Id;Rating\r\n{ids[0]};Hot\r\n{ids[1]};Cold\r\n", Encoding.UTF8, "text/csv"), Ct);
        await CloseAsync(client, updateSemicolon);
        var delete = await CreateJobAsync(client, """{"object":"Account","operation":"delete"}""");
        await client.PutAsync($"/services/data/v66.0/jobs/ingest/{delete}/batches", new StringContent($"Id\n{ids[2]}\n", Encoding.UTF8, "text/csv"), Ct);
        await CloseAsync(client, delete);

        Assert.Equal("Failed", wrongDelimiter.GetProperty("state").GetString());
        Assert.Contains("Id;Rating", wrongDelimiter.GetProperty("errorMessage").GetString(), StringComparison.Ordinal);
        Assert.Equal(("Hot", "Cold"), (host.Store.Get(ids[0])!.GetString("Rating"), host.Store.Get(ids[1])!.GetString("Rating")));
        Assert.Null(host.Store.Get(ids[2]));
    }

    [Theory]
    [InlineData("""{"object":"Account","operation":"merge"}""", "INVALIDJOB")]
    [InlineData("""{"object":"Widget__c","operation":"insert"}""", "INVALIDENTITY")]
    [InlineData("""{"object":"Account","operation":"upsert"}""", "INVALIDJOB")]
    [InlineData("""{"object":"Account","operation":"upsert","externalIdFieldName":"Name"}""", "INVALIDJOB")]
    [InlineData("""{"object":"Account","operation":"insert","columnDelimiter":"SPACE"}""", "INVALIDJOB")]
    [InlineData("""{"object":"Account","operation":"insert","contentType":"JSON"}""", "INVALIDJOB")]
    [InlineData("[]", "INVALIDJOB")]
    public async Task Ingest_BadJob_400(string json, string code)
    {
        await using var host = await RestTestHost.StartAsync();
        using var client = host.CreateClient();

        using var response = await client.PostAsync("/services/data/v66.0/jobs/ingest", Json(json), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(code, (await response.Content.ReadFromJsonAsync<JsonElement>(Ct))[0].GetProperty("errorCode").GetString());
    }

    [Fact]
    public async Task Ingest_OutOfOrderCalls_ConflictOrNotFound()
    {
        await using var host = await RestTestHost.StartAsync();
        using var client = host.CreateClient();
        var job = await CreateJobAsync(client, """{"object":"Account","operation":"insert"}""");

        using var early = await client.GetAsync($"/services/data/v66.0/jobs/ingest/{job}/successfulResults", Ct);
        await client.PutAsync($"/services/data/v66.0/jobs/ingest/{job}/batches", new StringContent("Name\nX\n", Encoding.UTF8, "text/csv"), Ct);
        using var twice = await client.PutAsync($"/services/data/v66.0/jobs/ingest/{job}/batches", new StringContent("Name\nY\n", Encoding.UTF8, "text/csv"), Ct);
        await CloseAsync(client, job);
        using var again = await client.PatchAsync($"/services/data/v66.0/jobs/ingest/{job}", Json("""{"state":"UploadComplete"}"""), Ct);
        using var unknown = await client.GetAsync("/services/data/v66.0/jobs/ingest/750000000000000AAA", Ct);
        using var list = await client.GetAsync("/services/data/v66.0/jobs/ingest", Ct);
        using var delete = await client.DeleteAsync($"/services/data/v66.0/jobs/ingest/{job}", Ct);

        Assert.Equal((HttpStatusCode.Conflict, HttpStatusCode.Conflict, HttpStatusCode.Conflict), (early.StatusCode, twice.StatusCode, again.StatusCode));
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Single((await list.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("records").EnumerateArray());
        Assert.Equal(HttpStatusCode.NoContent, delete.StatusCode);
        Assert.Single(host.Store.Records("Account"));
    }

    [Fact]
    public async Task Query_ResultsPagedByLocator_CsvWithRelationshipColumns()
    {
        await using var host = await RestTestHost.StartAsync();
        using var client = host.CreateClient();
        host.Store.Write(w =>
        {
            for (var i = 0; i < 5; i++)
            {
                w.Insert("Account", new Dictionary<string, object?> { ["Name"] = $"Q{i}", ["NumberOfEmployees"] = i, ["OwnerId"] = host.Store.DefaultActorId });
            }
        });

        using var create = await client.PostAsync("/services/data/v66.0/jobs/query",
            Json("""{"operation":"query","query":"SELECT Name, NumberOfEmployees, Owner.Name, CreatedDate FROM Account ORDER BY Name"}"""), Ct);
        var job = (await create.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetString();
        var info = await client.GetFromJsonAsync<JsonElement>($"/services/data/v66.0/jobs/query/{job}", Ct);
        var pages = new List<string>();
        string? locator = null;
        do
        {
            using var page = await client.GetAsync($"/services/data/v66.0/jobs/query/{job}/results?maxRecords=2" + (locator is null ? "" : "&locator=" + locator), Ct);
            pages.Add(await page.Content.ReadAsStringAsync(Ct));
            locator = page.Headers.GetValues("Sforce-Locator").Single();
            Assert.Equal(pages[^1].TrimEnd('\n').Split('\n').Length - 1, int.Parse(page.Headers.GetValues("Sforce-NumberOfRecords").Single(), System.Globalization.CultureInfo.InvariantCulture));
        }
        while (locator != "null");

        Assert.Equal(("JobComplete", 5), (info.GetProperty("state").GetString(), info.GetProperty("numberRecordsProcessed").GetInt32()));
        Assert.Equal(3, pages.Count);
        Assert.All(pages, p => Assert.StartsWith("\"Name\",\"NumberOfEmployees\",\"Owner.Name\",\"CreatedDate\"\n", p, StringComparison.Ordinal));
        Assert.Matches("^\"Q0\",\"0\",\"[^\"]+\",\"2026-11-24T09:30:00.000Z\"$", pages[0].Split('\n')[1]);
    }

    [Theory]
    [InlineData("""{"operation":"query","query":"SELECT Nope FROM Account"}""", "INVALID_FIELD")]
    [InlineData("""{"operation":"query","query":"SELECT COUNT() FROM Account"}""", "INVALIDJOB")]
    [InlineData("""{"operation":"delete","query":"SELECT Id FROM Account"}""", "INVALIDJOB")]
    public async Task Query_BadJob_400(string json, string code)
    {
        await using var host = await RestTestHost.StartAsync();
        using var client = host.CreateClient();

        using var response = await client.PostAsync("/services/data/v66.0/jobs/query", Json(json), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(code, (await response.Content.ReadFromJsonAsync<JsonElement>(Ct))[0].GetProperty("errorCode").GetString());
    }

    private static async Task<string> CreateJobAsync(HttpClient client, string json)
    {
        using var response = await client.PostAsync("/services/data/v66.0/jobs/ingest", Json(json), Ct);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.True(response.IsSuccessStatusCode, body.ToString());
        Assert.Equal("Open", body.GetProperty("state").GetString());
        return body.GetProperty("id").GetString()!;
    }

    private static async Task<JsonElement> CloseAsync(HttpClient client, string job)
    {
        using var response = await client.PatchAsync($"/services/data/v66.0/jobs/ingest/{job}", Json("""{"state":"UploadComplete"}"""), Ct);
        return await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
    }
}
