using System.Text.Json;

namespace Byoc.Emulator.Tests.SfCli;

/// <summary>
/// sf commands beyond the setup guide that read the resource map's resources (issue 19.3): limits, record counts, the
/// record commands, search, tree import and export, schema describe, and Bulk API 2.0 import, export, upsert by external
/// id, update and delete.
/// </summary>
[Trait("Category", "Slow")]
public sealed class DataCommandsTests(SfOrg org) : IClassFixture<SfOrg>
{
    [Fact]
    public async Task OrgListLimits_ListsTheAllocationsWithUsage()
    {
        org.SkipWhenMissing();

        var result = await org.RunAsync(["org", "list", "limits", "--target-org", SfOrg.Alias]);

        Assert.True(result.ExitCode == 0, result.ToString());
        var api = Assert.Single(result.Result.EnumerateArray(), l => l.GetProperty("name").GetString() == "DailyApiRequests");
        Assert.Equal(15000, api.GetProperty("max").GetInt32());
        Assert.InRange(api.GetProperty("remaining").GetInt32(), 1, 14999);
    }

    [Fact]
    public async Task OrgListSobjectRecordCounts_CountsTheNamedTypes()
    {
        org.SkipWhenMissing();

        var result = await org.RunAsync(["org", "list", "sobject", "record-counts", "--target-org", SfOrg.Alias,
            "--sobject", "User", "--sobject", "MessagingChannel"]);

        Assert.True(result.ExitCode == 0, result.ToString());
        var counts = result.Result.EnumerateArray().ToDictionary(c => c.GetProperty("name").GetString()!, c => c.GetProperty("count").GetInt32());
        Assert.Equal(org.Store.Records("User").Count, counts["User"]);
        Assert.Equal(org.Store.Records("MessagingChannel").Count, counts["MessagingChannel"]);
    }

    [Fact]
    public async Task DataCreateGetUpdateDeleteRecord_Account_RoundTrips()
    {
        org.SkipWhenMissing();

        var create = await org.RunAsync(["data", "create", "record", "--target-org", SfOrg.Alias, "--sobject", "Account",
            "--values", "Name='Round Trip' Industry=Banking"]);
        var id = create.Result.GetProperty("id").GetString()!;
        var update = await org.RunAsync(["data", "update", "record", "--target-org", SfOrg.Alias, "--sobject", "Account",
            "--record-id", id, "--values", "Rating=Hot"]);
        var get = await org.RunAsync(["data", "get", "record", "--target-org", SfOrg.Alias, "--sobject", "Account", "--where", "Name='Round Trip'"]);
        var delete = await org.RunAsync(["data", "delete", "record", "--target-org", SfOrg.Alias, "--sobject", "Account", "--record-id", id]);

        Assert.True(create.ExitCode == 0, create.ToString());
        Assert.True(update.ExitCode == 0, update.ToString());
        Assert.True(get.ExitCode == 0, get.ToString());
        Assert.Equal(("Banking", "Hot"), (get.Result.GetProperty("Industry").GetString(), get.Result.GetProperty("Rating").GetString()));
        Assert.True(delete.ExitCode == 0, delete.ToString());
        Assert.Null(org.Store.Get(id));
    }

    [Fact]
    public async Task DataImportTree_AccountWithContacts_CreatesTheTree()
    {
        org.SkipWhenMissing();
        var file = Path.Combine(org.Cli!.Home, "Account-Contact.json");
        await File.WriteAllTextAsync(file, """
            {"records":[{"attributes":{"type":"Account","referenceId":"AccountRef1"},"Name":"Imported Tree Co",
              "Contacts":{"records":[{"attributes":{"type":"Contact","referenceId":"ContactRef1"},"FirstName":"Ivy","LastName":"Import"}]}}]}
            """, TestContext.Current.CancellationToken);

        var result = await org.RunAsync(["data", "import", "tree", "--target-org", SfOrg.Alias, "--files", file]);

        Assert.True(result.ExitCode == 0, result.ToString());
        var imported = result.Result.EnumerateArray().ToDictionary(r => r.GetProperty("refId").GetString()!, r => r.GetProperty("id").GetString()!);
        var account = org.Store.Get(imported["AccountRef1"])!;
        Assert.Equal("Imported Tree Co", account.GetString("Name"));
        Assert.Equal(account.Id, org.Store.Get(imported["ContactRef1"])!.GetString("AccountId"));
    }

    [Fact]
    public async Task DataSearch_Sosl_FindsTheUserByName()
    {
        org.SkipWhenMissing();

        var result = await org.RunAsync(["data", "search", "--target-org", SfOrg.Alias,
            "--query", "FIND {integration} IN ALL FIELDS RETURNING User(Username)"]);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains(result.Result.GetProperty("searchRecords").EnumerateArray(),
            r => r.GetProperty("Username").GetString() == Byoc.Emulator.Org.Seed.SeededOrg.IntegrationUsername);
    }

    [Fact]
    public async Task DataImportAndExportBulk_Accounts_RoundTripThroughBulkApi2()
    {
        org.SkipWhenMissing();
        var ct = TestContext.Current.CancellationToken;
        var input = Path.Combine(org.Cli!.Home, "bulk-accounts.csv");
        var output = Path.Combine(org.Cli.Home, "bulk-export.csv");
        await File.WriteAllTextAsync(input, "Name,Industry\nBulk Alpha,Banking\n\"Bulk, Beta\",Retail\n", ct);

        var import = await org.RunAsync(["data", "import", "bulk", "--target-org", SfOrg.Alias, "--sobject", "Account", "--file", input,
            "--wait", "5", "--line-ending", "LF"]);
        var export = await org.RunAsync(["data", "export", "bulk", "--target-org", SfOrg.Alias, "--output-file", output, "--wait", "5",
            "--result-format", "csv", "--query", "SELECT Name, Industry FROM Account WHERE Name LIKE 'Bulk%' ORDER BY Name"]);

        Assert.True(import.ExitCode == 0, import.ToString());
        Assert.Equal((2, 0), (import.Result.GetProperty("processedRecords").GetInt32(), import.Result.GetProperty("failedRecords").GetInt32()));
        Assert.True(export.ExitCode == 0, export.ToString());
        var lines = (await File.ReadAllTextAsync(output, ct)).Trim().Split('\n');
        Assert.Equal(3, lines.Length);
        Assert.Contains("Bulk Alpha", lines[1], StringComparison.Ordinal);
        Assert.Contains("Bulk, Beta", lines[2], StringComparison.Ordinal);
    }

    [Fact]
    public async Task DataUpsertBulk_UserByUsername_CreatesThenUpdatesTheSameUser()
    {
        org.SkipWhenMissing();
        var ct = TestContext.Current.CancellationToken;
        const string Username = "bulk.upsert@byoc.emulated";
        const string Header = "Username,LastName,Email,Alias,TimeZoneSidKey,LocaleSidKey,LanguageLocaleKey,Title\n";
        var first = Path.Combine(org.Cli!.Home, "users-first.csv");
        var second = Path.Combine(org.Cli.Home, "users-second.csv");
        await File.WriteAllTextAsync(first, Header + $"{Username},Upsert,{Username},bups,Europe/Paris,fr_FR,fr,Rep\n", ct);
        await File.WriteAllTextAsync(second, Header + $"{Username},Upsert,{Username},bups,Europe/Paris,fr_FR,fr,Manager\n", ct);

        var created = await org.RunAsync(UpsertUsers(first));
        var createdId = Assert.Single(org.Store.Lookup("User", "Username", Username)).Id;
        var updated = await org.RunAsync(UpsertUsers(second));

        Assert.True(created.ExitCode == 0, created.ToString());
        Assert.True(updated.ExitCode == 0, updated.ToString());
        Assert.Equal([true, false], new[] { created, updated }.Select(run => string.Equals("true",
            Assert.Single(run.Result.GetProperty("records").GetProperty("successfulResults").EnumerateArray()).GetProperty("sf__Created").ToString(),
            StringComparison.OrdinalIgnoreCase)));
        var user = Assert.Single(org.Store.Lookup("User", "Username", Username));
        Assert.Equal((createdId, "Manager"), (user.Id, user.GetString("Title")));
    }

    [Fact]
    public async Task DataUpdateAndDeleteBulk_Accounts_ChangeThenRemoveThemById()
    {
        org.SkipWhenMissing();
        var ct = TestContext.Current.CancellationToken;
        var insert = Path.Combine(org.Cli!.Home, "bulk-change.csv");
        await File.WriteAllTextAsync(insert, "Name\nBulk Change One\nBulk Change Two\n", ct);
        var import = await org.RunAsync(["data", "import", "bulk", "--target-org", SfOrg.Alias, "--sobject", "Account", "--file", insert, "--wait", "5"]);
        string[] ids = [.. new[] { "Bulk Change One", "Bulk Change Two" }.Select(name => Assert.Single(org.Store.Lookup("Account", "Name", name)).Id)];
        var update = Path.Combine(org.Cli.Home, "bulk-update.csv");
        var delete = Path.Combine(org.Cli.Home, "bulk-delete.csv");
        await File.WriteAllTextAsync(update, $"Id,Rating\n{ids[0]},Hot\n{ids[1]},Cold\n", ct);
        await File.WriteAllTextAsync(delete, $"Id\n{ids[0]}\n", ct);

        var updated = await org.RunAsync(["data", "update", "bulk", "--target-org", SfOrg.Alias, "--sobject", "Account", "--file", update, "--wait", "5"]);
        var ratings = ids.Select(id => org.Store.Get(id)!.GetString("Rating")).ToArray();
        var deleted = await org.RunAsync(["data", "delete", "bulk", "--target-org", SfOrg.Alias, "--sobject", "Account", "--file", delete, "--wait", "5"]);

        Assert.True(import.ExitCode == 0, import.ToString());
        Assert.True(updated.ExitCode == 0, updated.ToString());
        Assert.Equal("Hot|Cold", string.Join('|', ratings));
        Assert.True(deleted.ExitCode == 0, deleted.ToString());
        Assert.Null(org.Store.Get(ids[0]));
        Assert.NotNull(org.Store.Get(ids[1]));
    }

    [Fact]
    public async Task SobjectListAndDescribe_Account_ListsAndDescribesTheObject()
    {
        org.SkipWhenMissing();

        var list = await org.RunAsync(["sobject", "list", "--target-org", SfOrg.Alias, "--sobject", "all"]);
        var describe = await org.RunAsync(["sobject", "describe", "--target-org", SfOrg.Alias, "--sobject", "Account"]);

        Assert.True(list.ExitCode == 0, list.ToString());
        Assert.Contains(list.Result.EnumerateArray(), name => name.GetString() == "MessagingSession");
        Assert.True(describe.ExitCode == 0, describe.ToString());
        Assert.Equal("Account", describe.Result.GetProperty("name").GetString());
        Assert.Contains(describe.Result.GetProperty("fields").EnumerateArray(), f => f.GetProperty("name").GetString() == "Industry");
    }

    [Fact]
    public async Task DataExportTree_OneObjectQuery_WritesTheTreeFile()
    {
        org.SkipWhenMissing();
        var ct = TestContext.Current.CancellationToken;
        var folder = Path.Combine(org.Cli!.Home, "export-tree");
        var create = await org.RunAsync(["data", "create", "record", "--target-org", SfOrg.Alias, "--sobject", "Account",
            "--values", "Name='Exported Tree Co' Industry=Retail"]);

        var export = await org.RunAsync(["data", "export", "tree", "--target-org", SfOrg.Alias, "--output-dir", folder,
            "--query", "SELECT Name, Industry FROM Account WHERE Name = 'Exported Tree Co'"]);

        Assert.True(create.ExitCode == 0, create.ToString());
        Assert.True(export.ExitCode == 0, export.ToString());
        var written = Assert.Single(Directory.GetFiles(folder, "*.json"));
        using var tree = JsonDocument.Parse(await File.ReadAllTextAsync(written, ct));
        var account = Assert.Single(tree.RootElement.GetProperty("records").EnumerateArray());
        Assert.Equal(("Account", "Exported Tree Co", "Retail"), (account.GetProperty("attributes").GetProperty("type").GetString(),
            account.GetProperty("Name").GetString(), account.GetProperty("Industry").GetString()));
    }

    private static string[] UpsertUsers(string file) =>
        ["data", "upsert", "bulk", "--target-org", SfOrg.Alias, "--sobject", "User", "--file", file, "--external-id", "Username", "--wait", "5"];
}
