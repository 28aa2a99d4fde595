using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Byoc.Emulator.Tests.Rest;

/// <summary>Describe as schema-driven tools read it: the full field shape, with values true to each field (issue 19.4).</summary>
public sealed class DescribeTests
{
    /// <summary>The keys of the Field type of a DescribeSObjectResult (SOAP API Developer Guide), as REST describe writes them.</summary>
    private static readonly string[] s_fieldKeys =
    [
        "aggregatable", "aiPredictionField", "autoNumber", "byteLength", "calculated", "calculatedFormula", "cascadeDelete",
        "caseSensitive", "compoundFieldName", "controllerName", "createable", "custom", "defaultValue", "defaultValueFormula",
        "defaultedOnCreate", "dependentPicklist", "deprecatedAndHidden", "digits", "displayLocationInDecimal", "encrypted",
        "externalId", "extraTypeInfo", "filterable", "filteredLookupInfo", "formulaTreatNullNumberAsZero", "groupable",
        "highScaleNumber", "htmlFormatted", "idLookup", "inlineHelpText", "label", "length", "mask", "maskType", "name",
        "nameField", "namePointing", "nillable", "permissionable", "picklistValues", "polymorphicForeignKey", "precision",
        "queryByDistance", "referenceTargetField", "referenceTo", "relationshipName", "relationshipOrder", "restrictedDelete",
        "restrictedPicklist", "scale", "searchPrefilterable", "soapType", "sortable", "type", "unique", "updateable",
        "writeRequiresMasterRead",
    ];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("Account")]
    [InlineData("Contact")]
    [InlineData("Lead")]
    [InlineData("Opportunity")]
    [InlineData("Case")]
    [InlineData("User")]
    [InlineData("MessagingEndUser")]
    [InlineData("MessagingSession")]
    public async Task Describe_CommonObjects_EveryFieldHasTheFullShapeAndOneNameField(string type)
    {
        await using var host = await RestTestHost.StartAsync();
        using var client = host.CreateClient();

        var describe = await client.GetFromJsonAsync<JsonElement>($"/services/data/v66.0/sobjects/{type}/describe", Ct);

        var fields = describe.GetProperty("fields").EnumerateArray().ToList();
        Assert.All(fields, f => Assert.Equal(s_fieldKeys, f.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal)));
        Assert.Single(fields, f => f.GetProperty("nameField").GetBoolean());
        Assert.True(describe.GetProperty("queryable").GetBoolean());
    }

    [Fact]
    public async Task Describe_FieldValues_TrueToEachField()
    {
        await using var host = await RestTestHost.StartAsync();
        using var client = host.CreateClient();

        var account = await FieldsAsync(client, "Account");
        var session = await FieldsAsync(client, "MessagingSession");
        var contact = await FieldsAsync(client, "Contact");
        var endUser = await FieldsAsync(client, "MessagingEndUser");
        var caseFields = await FieldsAsync(client, "Case");
        var user = await FieldsAsync(client, "User");

        Assert.Equal(("currency", 18, 0, false), (Str(account["AnnualRevenue"], "type"), Int(account["AnnualRevenue"], "precision"),
            Int(account["AnnualRevenue"], "scale"), Bool(account["AnnualRevenue"], "groupable")));
        Assert.Equal(("int", 8), (Str(account["NumberOfEmployees"], "type"), Int(account["NumberOfEmployees"], "digits")));
        Assert.Equal((true, 765, false), (Bool(account["Name"], "nameField"), Int(account["Name"], "byteLength"), Bool(account["Name"], "nillable")));
        Assert.False(Bool(account["Industry"], "restrictedPicklist"));
        Assert.Equal((true, true, false, false, false), (Bool(session["Name"], "autoNumber"), Bool(session["Name"], "nameField"),
            Bool(session["Name"], "createable"), Bool(session["Name"], "groupable"), Bool(session["Name"], "calculated")));
        Assert.Equal(("Case", "Case"), (Str(session["CaseId"], "relationshipName"), session["CaseId"].GetProperty("referenceTo")[0].GetString()));
        Assert.Equal(("personname", "Name"), (Str(contact["Name"], "extraTypeInfo"), Str(contact["LastName"], "compoundFieldName")));
        Assert.Equal(("reference", "Contact", "Contact"), (Str(endUser["ContactId"], "type"), Str(endUser["ContactId"], "relationshipName"),
            endUser["ContactId"].GetProperty("referenceTo")[0].GetString()));
        Assert.Equal(("New", true), (Str(caseFields["Status"], "defaultValue"), Bool(caseFields["Status"], "defaultedOnCreate")));
        Assert.Equal((true, true, true), (Bool(user["Username"], "externalId"), Bool(user["Username"], "unique"), Bool(user["Username"], "idLookup")));
        Assert.False(Bool(account["Description"], "filterable"));
        Assert.Equal(JsonValueKind.False, account["IsDeleted"].GetProperty("defaultValue").ValueKind);
        Assert.True(Bool(account["OwnerId"], "defaultedOnCreate"));
        Assert.False(Bool(account["IsDeleted"], "aggregatable"));
    }

    [Fact]
    public async Task Describe_Account_ChildRelationshipsNameTheReferencingFields()
    {
        await using var host = await RestTestHost.StartAsync();
        using var client = host.CreateClient();

        var describe = await client.GetFromJsonAsync<JsonElement>("/services/data/v66.0/sobjects/Account/describe", Ct);

        var children = describe.GetProperty("childRelationships").EnumerateArray()
            .Select(c => (Str(c, "childSObject"), Str(c, "field"), c.GetProperty("relationshipName").GetString())).ToList();
        Assert.Contains(("Contact", "AccountId", "Contacts"), children);
        Assert.Contains(("Case", "AccountId", "Cases"), children);
        Assert.Contains(("MessagingEndUser", "AccountId", null), children);
    }

    [Fact]
    public async Task Insert_AutoNumberCompoundNameAndDefaults_FilledByTheOrg()
    {
        await using var host = await RestTestHost.StartAsync();
        using var client = host.CreateClient();

        var account = await CreateAsync(client, "Account", """{"Name":"Acme","Industry":"Space Tourism"}""");
        var contact = await CreateAsync(client, "Contact", $$"""{"FirstName":"Ada","LastName":"Lovelace","AccountId":"{{account}}"}""");
        var first = await CreateAsync(client, "Case", $$"""{"Subject":"Door","ContactId":"{{contact}}"}""");
        var second = await CreateAsync(client, "Case", """{"Subject":"Window"}""");
        var sessions = await client.GetFromJsonAsync<JsonElement>("/services/data/v66.0/query?q=" +
            Uri.EscapeDataString("SELECT Name FROM MessagingSession ORDER BY Name"), Ct);
        var cases = await client.GetFromJsonAsync<JsonElement>("/services/data/v66.0/query?q=" +
            Uri.EscapeDataString("SELECT CaseNumber, Status, Priority, Contact.Name, Contact.Account.Name FROM Case ORDER BY CaseNumber"), Ct);
        using var rename = await client.PatchAsync($"/services/data/v66.0/sobjects/Contact/{contact}",
            new StringContent("""{"FirstName":"Augusta Ada"}""", Encoding.UTF8, "application/json"), Ct);
        var renamed = await client.GetFromJsonAsync<JsonElement>($"/services/data/v66.0/sobjects/Contact/{contact}?fields=Name", Ct);
        var industry = await client.GetFromJsonAsync<JsonElement>($"/services/data/v66.0/sobjects/Account/{account}?fields=Industry", Ct);

        Assert.Equal(["MS-0000000001", "MS-0000000002", "MS-0000000003"],
            sessions.GetProperty("records").EnumerateArray().Select(r => Str(r, "Name")));
        var rows = cases.GetProperty("records").EnumerateArray().ToList();
        Assert.Equal(("00000001", "New", "Medium"), (Str(rows[0], "CaseNumber"), Str(rows[0], "Status"), Str(rows[0], "Priority")));
        Assert.Equal("Ada Lovelace", Str(rows[0].GetProperty("Contact"), "Name"));
        Assert.Equal("Acme", Str(rows[0].GetProperty("Contact").GetProperty("Account"), "Name"));
        Assert.Equal("00000002", Str(rows[1], "CaseNumber"));
        Assert.NotEqual(first, second);
        Assert.Equal(HttpStatusCode.NoContent, rename.StatusCode);
        Assert.Equal("Augusta Ada Lovelace", Str(renamed, "Name"));
        Assert.Equal("Space Tourism", Str(industry, "Industry"));
    }

    [Theory]
    [InlineData("Case", """{"CaseNumber":"42"}""")]
    [InlineData("Contact", """{"LastName":"X","Name":"Y"}""")]
    public async Task Insert_OrgFilledField_InvalidFieldForInsertUpdate(string type, string body)
    {
        await using var host = await RestTestHost.StartAsync();
        using var client = host.CreateClient();

        using var response = await client.PostAsync($"/services/data/v66.0/sobjects/{type}", new StringContent(body, Encoding.UTF8, "application/json"), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("INVALID_FIELD_FOR_INSERT_UPDATE", Str((await response.Content.ReadFromJsonAsync<JsonElement>(Ct))[0], "errorCode"));
    }

    private static async Task<string> CreateAsync(HttpClient client, string type, string json)
    {
        using var response = await client.PostAsync($"/services/data/v66.0/sobjects/{type}", new StringContent(json, Encoding.UTF8, "application/json"), Ct);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.True(response.StatusCode == HttpStatusCode.Created, body.ToString());
        return Str(body, "id");
    }

    private static async Task<Dictionary<string, JsonElement>> FieldsAsync(HttpClient client, string type) =>
        (await client.GetFromJsonAsync<JsonElement>($"/services/data/v66.0/sobjects/{type}/describe", Ct))
            .GetProperty("fields").EnumerateArray().ToDictionary(f => Str(f, "name"));

    private static string Str(JsonElement element, string name) => element.GetProperty(name).GetString()!;

    private static int Int(JsonElement element, string name) => element.GetProperty(name).GetInt32();

    private static bool Bool(JsonElement element, string name) => element.GetProperty(name).GetBoolean();
}
