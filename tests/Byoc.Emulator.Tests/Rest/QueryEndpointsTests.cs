using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Byoc.Emulator.Tests.Rest;

public sealed class QueryEndpointsTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string Q(string soql) => Uri.EscapeDataString(soql);

    [Fact]
    public async Task Query_DoubleSlashPath_ReturnsRecordsWithAttributesAndSelectOrder()
    {
        await using var host = await RestTestHost.StartAsync();
        using var client = host.CreateClient();

        var body = await client.GetFromJsonAsync<JsonElement>(
            host.Url("//services/data/v66.0/query?q=" + Q("SELECT Status, Id, Owner.Name, CreatedDate FROM MessagingSession ORDER BY CreatedDate DESC")), Ct)
            .WaitAsync(TimeSpan.FromSeconds(30), Ct);

        Assert.Equal(3, body.GetProperty("totalSize").GetInt32());
        Assert.True(body.GetProperty("done").GetBoolean());
        Assert.False(body.TryGetProperty("nextRecordsUrl", out _));
        var first = body.GetProperty("records")[0];
        Assert.Equal(["attributes", "Status", "Id", "Owner", "CreatedDate"], first.EnumerateObject().Select(p => p.Name));
        Assert.Equal("MessagingSession", first.GetProperty("attributes").GetProperty("type").GetString());
        Assert.Equal($"/services/data/v66.0/sobjects/MessagingSession/{host.Escalated}", first.GetProperty("attributes").GetProperty("url").GetString());
        Assert.Equal(18, first.GetProperty("Id").GetString()!.Length);
        Assert.Equal("2026-11-24T09:25:00.000+0000", first.GetProperty("CreatedDate").GetString());
        var owner = first.GetProperty("Owner");
        Assert.Equal("Name", owner.GetProperty("attributes").GetProperty("type").GetString());
        Assert.StartsWith("/services/data/v66.0/sobjects/Group/00G", owner.GetProperty("attributes").GetProperty("url").GetString());
        Assert.Equal("AgentforceChannel Queue", owner.GetProperty("Name").GetString());
        Assert.Equal(JsonValueKind.Null, body.GetProperty("records")[1].GetProperty("Owner").ValueKind);
        Assert.Equal("User", body.GetProperty("records")[2].GetProperty("Owner").GetProperty("attributes").GetProperty("url").GetString()!.Split('/')[^2]);
    }

    [Fact]
    public async Task Query_GroupBy_AggregateRowsAndGroupByColumns()
    {
        await using var host = await RestTestHost.StartAsync();
        using var client = host.CreateClient();
        const string Soql = "SELECT Status, COUNT(Id) FROM MessagingSession GROUP BY Status ORDER BY Status";

        var rows = await client.GetFromJsonAsync<JsonElement>("/services/data/v66.0/query?q=" + Q(Soql), Ct);
        var columns = await client.GetFromJsonAsync<JsonElement>("/services/data/v66.0/query?q=" + Q(Soql) + "&columns=true", Ct);

        Assert.Equal(3, rows.GetProperty("totalSize").GetInt32());
        var first = rows.GetProperty("records")[0];
        Assert.Equal(["attributes", "Status", "expr0"], first.EnumerateObject().Select(p => p.Name));
        Assert.Equal(("Active", 1), (first.GetProperty("Status").GetString(), first.GetProperty("expr0").GetInt32()));
        Assert.True(columns.GetProperty("groupBy").GetBoolean());
        Assert.Equal([false, true], columns.GetProperty("columnMetadata").EnumerateArray().Select(c => c.GetProperty("aggregate").GetBoolean()));
    }

    [Fact]
    public async Task Query_MultiLevelRelationship_NestsEachLevel()
    {
        await using var host = await RestTestHost.StartAsync();
        using var client = host.CreateClient();

        var body = await client.GetFromJsonAsync<JsonElement>("/services/data/v62.0/query?q=" +
            Q("SELECT Id, MessagingChannel.SessionHandlerId, MessagingChannel.DeveloperName FROM MessagingSession LIMIT 1"), Ct);

        var channel = body.GetProperty("records")[0].GetProperty("MessagingChannel");
        Assert.Equal("MessagingChannel", channel.GetProperty("attributes").GetProperty("type").GetString());
        Assert.Equal(["attributes", "SessionHandlerId", "DeveloperName"], channel.EnumerateObject().Select(p => p.Name));
        Assert.Equal("AgentforceChannel", channel.GetProperty("DeveloperName").GetString());
    }

    [Fact]
    public async Task Query_MoreThanOneBatch_PagesThroughNextRecordsUrl()
    {
        await using var host = await RestTestHost.StartAsync(batchSize: 2);
        using var client = host.CreateClient();

        var first = await client.GetFromJsonAsync<JsonElement>("/services/data/v66.0/query?q=" + Q("SELECT Id FROM User ORDER BY Username"), Ct);
        var next = first.GetProperty("nextRecordsUrl").GetString()!;
        var second = await client.GetFromJsonAsync<JsonElement>(host.Url("/" + next), Ct);
        var third = await client.GetFromJsonAsync<JsonElement>(second.GetProperty("nextRecordsUrl").GetString(), Ct);

        Assert.Matches("^/services/data/v66.0/query/01g[0-9A-Za-z]{15}-2$", next);
        Assert.Equal((5, false, 2), (first.GetProperty("totalSize").GetInt32(), first.GetProperty("done").GetBoolean(), first.GetProperty("records").GetArrayLength()));
        Assert.Equal(2, second.GetProperty("records").GetArrayLength());
        Assert.True(third.GetProperty("done").GetBoolean());
        Assert.Equal(1, third.GetProperty("records").GetArrayLength());
        Assert.False(third.TryGetProperty("nextRecordsUrl", out _));
        var ids = new[] { first, second, third }.SelectMany(p => p.GetProperty("records").EnumerateArray()).Select(r => r.GetProperty("Id").GetString());
        Assert.Equal(5, ids.Distinct().Count());
    }

    /// <summary>REST API Developer Guide, "Query Options Header": batchSize 200 to 2,000 (default 2,000), honoured on every page.</summary>
    [Theory]
    [InlineData("batchSize=200", 200)]
    [InlineData("batchSize=50", 200)]
    [InlineData("batchSize=5000", 2000)]
    [InlineData("batchSize = 300", 300)]
    [InlineData("", 2000)]
    public async Task Query_QueryOptionsBatchSize_PagesOfThatSize(string header, int expected)
    {
        await using var host = await RestTestHost.StartAsync();
        host.Store.Write(w =>
        {
            for (var i = 0; i < 2100; i++)
            {
                w.Insert("Group", new Dictionary<string, object?> { ["Name"] = $"Bulk {i}", ["DeveloperName"] = $"Bulk_{i}", ["Type"] = "Regular" });
            }
        });
        using var client = host.CreateClient();
        var total = host.Store.Records("Group").Count;

        var sizes = new List<int>();
        string? next = "/services/data/v66.0/query?q=" + Q("SELECT Id FROM Group");
        while (next is not null)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, next);
            if (header.Length > 0)
            {
                request.Headers.TryAddWithoutValidation("Sforce-Query-Options", header);
            }

            using var response = await client.SendAsync(request, Ct);
            var page = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
            sizes.Add(page.GetProperty("records").GetArrayLength());
            next = page.TryGetProperty("nextRecordsUrl", out var url) ? url.GetString() : null;
        }

        Assert.Equal(total, sizes.Sum());
        Assert.All(sizes[..^1], size => Assert.Equal(expected, size));
        Assert.InRange(sizes[^1], 1, expected);
    }

    [Theory]
    [InlineData("batchSize=many")]
    [InlineData("batchSize")]
    [InlineData("batchSize=-5")]
    public async Task Query_MalformedBatchSize_InvalidBatchSize(string header)
    {
        await using var host = await RestTestHost.StartAsync();
        using var client = host.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/services/data/v66.0/query?q=" + Q("SELECT Id FROM User"));
        request.Headers.TryAddWithoutValidation("Sforce-Query-Options", header);

        using var response = await client.SendAsync(request, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = (await response.Content.ReadFromJsonAsync<JsonElement>(Ct))[0];
        Assert.Equal("INVALID_BATCH_SIZE", error.GetProperty("errorCode").GetString());
        Assert.Contains("batchSize", error.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Query_UnknownLocator_InvalidQueryLocator()
    {
        await using var host = await RestTestHost.StartAsync();
        using var client = host.CreateClient();

        using var response = await client.GetAsync("/services/data/v66.0/query/01g000000000000AAA-2000", Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("INVALID_QUERY_LOCATOR", await response.Content.ReadAsStringAsync(Ct));
    }

    [Fact]
    public async Task Query_ColumnsTrue_ReturnsColumnMetadataWithJoinColumns()
    {
        await using var host = await RestTestHost.StartAsync();
        using var client = host.CreateClient();

        var body = await client.GetFromJsonAsync<JsonElement>(
            "/services/data/v66.0/query?q=" + Q("SELECT Id, Status, Owner.Name FROM MessagingSession") + "&columns=true", Ct);

        Assert.Equal(["columnMetadata", "entityName", "groupBy", "idSelected", "keyPrefix"], body.EnumerateObject().Select(p => p.Name));
        Assert.Equal("MessagingSession", body.GetProperty("entityName").GetString());
        Assert.False(body.GetProperty("groupBy").GetBoolean());
        Assert.True(body.GetProperty("idSelected").GetBoolean());
        Assert.Equal("0Mw", body.GetProperty("keyPrefix").GetString());
        var columns = body.GetProperty("columnMetadata");
        var id = columns[0];
        Assert.Equal(["aggregate", "apexType", "booleanType", "columnName", "custom", "displayName", "foreignKeyName", "insertable",
            "joinColumns", "numberType", "textType", "updatable"], id.EnumerateObject().Select(p => p.Name));
        Assert.Equal(("Id", "Id", "Id", false, false), (id.GetProperty("columnName").GetString(), id.GetProperty("displayName").GetString(),
            id.GetProperty("apexType").GetString(), id.GetProperty("insertable").GetBoolean(), id.GetProperty("textType").GetBoolean()));
        var owner = columns[2];
        Assert.Equal(("Owner", "Owner"), (owner.GetProperty("columnName").GetString(), owner.GetProperty("displayName").GetString()));
        var name = Assert.Single(owner.GetProperty("joinColumns").EnumerateArray());
        Assert.Equal(("Name", "Owner.Name"), (name.GetProperty("columnName").GetString(), name.GetProperty("displayName").GetString()));
        Assert.Equal(0, name.GetProperty("joinColumns").GetArrayLength());
    }

    [Fact]
    public async Task Query_CountOfId_AggregateRowAndColumn()
    {
        await using var host = await RestTestHost.StartAsync();
        using var client = host.CreateClient();

        var rows = await client.GetFromJsonAsync<JsonElement>("/services/data/v66.0/query?q=" + Q("SELECT COUNT(Id) FROM MessagingSession"), Ct);
        var columns = await client.GetFromJsonAsync<JsonElement>("/services/data/v66.0/query?q=" + Q("SELECT COUNT(Id) FROM MessagingSession") + "&columns=true", Ct);
        var countOnly = await client.GetFromJsonAsync<JsonElement>("/services/data/v66.0/query?q=" + Q("SELECT COUNT() FROM MessagingSession"), Ct);

        var row = Assert.Single(rows.GetProperty("records").EnumerateArray());
        Assert.Equal("AggregateResult", row.GetProperty("attributes").GetProperty("type").GetString());
        Assert.False(row.GetProperty("attributes").TryGetProperty("url", out _));
        Assert.Equal(3, row.GetProperty("expr0").GetInt32());
        var column = Assert.Single(columns.GetProperty("columnMetadata").EnumerateArray());
        Assert.True(column.GetProperty("aggregate").GetBoolean());
        Assert.Equal(("expr0", "COUNT(Id)"), (column.GetProperty("columnName").GetString(), column.GetProperty("displayName").GetString()));
        Assert.Equal(3, countOnly.GetProperty("totalSize").GetInt32());
        Assert.Equal(0, countOnly.GetProperty("records").GetArrayLength());
    }

    [Theory]
    [InlineData("/services/data/v66.0/query", "SELECT Id, IsActive FROM BotDefinition", "INVALID_FIELD")]
    [InlineData("/services/data/v66.0/query", "SELECT Id FROM MessagingEvent", "INVALID_TYPE")]
    [InlineData("/services/data/v66.0/query", "SELECT Id FROM FlowDefinition", "INVALID_TYPE")]
    [InlineData("/services/data/v66.0/tooling/query", "SELECT Id FROM MessagingSession", "INVALID_TYPE")]
    [InlineData("/services/data/v51.0/query", "SELECT Id FROM ScratchOrgInfo limit 1", "INVALID_TYPE")]
    [InlineData("/services/data/v66.0/query", "SELECT Id FROM User WHERE Name = 'x", "MALFORMED_QUERY")]
    [InlineData("/services/data/v66.0/queryAll", "SELECT Id FROM", "MALFORMED_QUERY")]
    public async Task Query_InvalidSoql_400ErrorArray(string path, string soql, string code)
    {
        await using var host = await RestTestHost.StartAsync();
        using var client = host.CreateClient();

        using var response = await client.GetAsync(path + "?q=" + Q(soql), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var error = Assert.Single((await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).EnumerateArray());
        Assert.Equal(code, error.GetProperty("errorCode").GetString());
        Assert.Contains("ERROR at Row:1:Column:", error.GetProperty("message").GetString());
    }

    [Fact]
    public async Task Query_MissingQ_MalformedQuery()
    {
        await using var host = await RestTestHost.StartAsync();
        using var client = host.CreateClient();

        using var response = await client.GetAsync("/services/data/v66.0/query", Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("MALFORMED_QUERY", await response.Content.ReadAsStringAsync(Ct));
    }

    [Fact]
    public async Task Query_ToolingPackages_AnswersFromToolingApi()
    {
        await using var host = await RestTestHost.StartAsync();
        using var client = host.CreateClient();
        const string Soql = "SELECT Id, SubscriberPackageId, SubscriberPackage.NamespacePrefix, SubscriberPackage.Name, SubscriberPackageVersion.Id, " +
            "SubscriberPackageVersion.Name, SubscriberPackageVersion.MajorVersion, SubscriberPackageVersion.MinorVersion, " +
            "SubscriberPackageVersion.PatchVersion, SubscriberPackageVersion.BuildNumber, SubscriberPackageVersion.IsManaged, " +
            "SubscriberPackageVersion.Package2ContainerOptions FROM InstalledSubscriberPackage ORDER BY SubscriberPackageId";

        var body = await client.GetFromJsonAsync<JsonElement>(host.Url("//services/data/v66.0/tooling/query?q=" + Q(Soql)), Ct);

        // The complete seed has the provider package installed.
        Assert.Equal(1, body.GetProperty("totalSize").GetInt32());
        var installed = body.GetProperty("records")[0];
        Assert.Equal("BYOC Connector", installed.GetProperty("SubscriberPackage").GetProperty("Name").GetString());
        Assert.Equal(1, installed.GetProperty("SubscriberPackageVersion").GetProperty("MajorVersion").GetInt32());
    }

    [Fact]
    public async Task Query_SubscriberPackageVersionLookupOfPackageInstall_ValidOnToolingApi()
    {
        await using var host = await RestTestHost.StartAsync();
        using var client = host.CreateClient();
        const string Soql = "SELECT AppExchangeDescription,AppExchangeLogoUrl,AppExchangePackageName,AppExchangePublisherName,BuildNumber," +
            "CspTrustedSites,Dependencies,Description,Id,InstallValidationStatus,IsBeta,IsDeprecated,IsManaged,IsOrgDependent," +
            "IsPasswordProtected,IsSecurityReviewed,MajorVersion,MinorVersion,Name,Package2ContainerOptions,PatchVersion,PostInstallUrl," +
            "Profiles,PublisherName,ReleaseNotesUrl,ReleaseState,RemoteSiteSettings,SubscriberPackageId FROM SubscriberPackageVersion " +
            "WHERE Id ='04t5g0000000001AAA'";

        using var tooling = await client.GetAsync("/services/data/v66.0/tooling/query?q=" + Q(Soql), Ct);
        using var data = await client.GetAsync("/services/data/v66.0/query?q=" + Q(Soql), Ct);

        Assert.Equal(HttpStatusCode.OK, tooling.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, data.StatusCode);
    }

    [Fact]
    public async Task UnknownResource_JsonNotFound()
    {
        await using var host = await RestTestHost.StartAsync();
        using var client = host.CreateClient();

        using var response = await client.GetAsync("/services/data/v66.0/nothing/here", Ct);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("""[{"message":"The requested resource does not exist","errorCode":"NOT_FOUND"}]""", await response.Content.ReadAsStringAsync(Ct));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("00D000000000001!unknown")]
    public async Task Query_WithoutValidToken_401InvalidSession(string? token)
    {
        await using var host = await RestTestHost.StartAsync();
        using var client = host.CreateClient(token ?? "");
        if (token is null)
        {
            client.DefaultRequestHeaders.Authorization = null;
        }

        using var response = await client.GetAsync("/services/data/v66.0/query?q=" + Q("SELECT Id FROM User"), Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("""[{"message":"Session expired or invalid","errorCode":"INVALID_SESSION_ID"}]""", await response.Content.ReadAsStringAsync(Ct));
    }

    [Fact]
    public async Task Query_InvalidVersionSegment_NotFound()
    {
        await using var host = await RestTestHost.StartAsync();
        using var client = host.CreateClient();

        using var response = await client.GetAsync("/services/data/vabc/query?q=" + Q("SELECT Id FROM User"), Ct);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Query_HostileInputOverHttp_NeverServerError()
    {
        await using var host = await RestTestHost.StartAsync();
        using var client = host.CreateClient();
        string[] inputs = ["'", "\\", "((((", "SELECT Id FROM User WHERE Name = '\\u00'", "SELECT 💬 FROM User", "SELECT Id FROM User WHERE Id = '\0'",
            "SELECT Id FROM User WHERE " + string.Concat(Enumerable.Repeat("(", 2_000)), "%", "SELECT Id FROM User; DELETE FROM User"];

        foreach (var input in inputs)
        {
            using var response = await client.GetAsync("/services/data/v66.0/query?q=" + Q(input), Ct);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        }
    }
}
