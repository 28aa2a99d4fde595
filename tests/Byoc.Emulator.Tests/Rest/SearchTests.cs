using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Byoc.Emulator.Tests.Rest;

/// <summary>SOSL through /search and /parameterizedSearch, written from the SOQL and SOSL Reference's examples.</summary>
public sealed class SearchTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<RestTestHost> SeededAsync()
    {
        var host = await RestTestHost.StartAsync();
        host.Store.Write(w =>
        {
            var acme = w.Insert("Account", new Dictionary<string, object?> { ["Name"] = "Acme Rockets", ["Phone"] = "(415) 555-1212" });
            w.Insert("Account", new Dictionary<string, object?> { ["Name"] = "Globex", ["Description"] = "Competes with acme" });
            w.Insert("Account", new Dictionary<string, object?> { ["Name"] = "Initech" });
            w.Insert("Contact", new Dictionary<string, object?>
            {
                ["FirstName"] = "Wile",
                ["LastName"] = "Coyote",
                ["Email"] = "wile.coyote@acme.example",
                ["AccountId"] = acme.Id,
            });
        });
        return host;
    }

    [Theory]
    [InlineData("FIND {Acme} RETURNING Account(Name ORDER BY Name)", "Account:Acme Rockets|Account:Globex")]
    [InlineData("FIND {Acme} IN NAME FIELDS RETURNING Account(Name), Contact(Name)", "Account:Acme Rockets")]
    [InlineData("FIND {Acme} RETURNING Account(Name WHERE Name != 'Globex'), Contact(Name)", "Account:Acme Rockets|Contact:Wile Coyote")]
    [InlineData("FIND {wile.coyote@acme.example} IN EMAIL FIELDS RETURNING Contact(Email)", "Contact:wile.coyote@acme.example")]
    [InlineData("FIND {4155551212} IN PHONE FIELDS RETURNING Account(Name)", "Account:Acme Rockets")]
    [InlineData("FIND {Acm*} RETURNING Account(Name ORDER BY Name LIMIT 1)", "Account:Acme Rockets")]
    [InlineData("FIND {Globex OR Initech} RETURNING Account(Name ORDER BY Name)", "Account:Globex|Account:Initech")]
    [InlineData("FIND {acme AND NOT rockets} RETURNING Account(Name)", "Account:Globex")]
    [InlineData("FIND {\"acme rockets\"} RETURNING Account(Name)", "Account:Acme Rockets")]
    [InlineData("FIND {Acme} RETURNING Account(Name ORDER BY Name), Contact(Name) LIMIT 2", "Account:Acme Rockets|Account:Globex")]
    [InlineData("FIND {Nothing*Like*This}", "")]
    public async Task Search_Sosl_ReturnsTheMatchingRowsPerObject(string sosl, string expected)
    {
        await using var host = await SeededAsync();
        using var client = host.CreateClient();

        var body = await client.GetFromJsonAsync<JsonElement>("/services/data/v66.0/search?q=" + Uri.EscapeDataString(sosl), Ct);

        var rows = body.GetProperty("searchRecords").EnumerateArray().Select(r =>
            r.GetProperty("attributes").GetProperty("type").GetString() + ":" +
            r.EnumerateObject().First(p => p.Name != "attributes").Value.GetString());
        Assert.Equal(expected, string.Join('|', rows));
    }

    [Fact]
    public async Task Search_WithoutReturning_IdsOfEverySearchableObject()
    {
        await using var host = await SeededAsync();
        using var client = host.CreateClient();

        var body = await client.GetFromJsonAsync<JsonElement>("/services/data/v66.0/search?q=" + Uri.EscapeDataString("FIND {Coyote}"), Ct);

        var row = Assert.Single(body.GetProperty("searchRecords").EnumerateArray());
        Assert.Equal(["attributes", "Id"], row.EnumerateObject().Select(p => p.Name));
        Assert.Equal("Contact", row.GetProperty("attributes").GetProperty("type").GetString());
    }

    [Theory]
    [InlineData("SELECT Id FROM Account", "MALFORMED_SEARCH")]
    [InlineData("FIND Acme", "MALFORMED_SEARCH")]
    [InlineData("FIND {Acme", "MALFORMED_SEARCH")]
    [InlineData("FIND {a}", "INVALID_SEARCH")]
    [InlineData("FIND {Acme} IN SOME FIELDS", "MALFORMED_SEARCH")]
    [InlineData("FIND {Acme} RETURNING Widget__c", "INVALID_TYPE")]
    [InlineData("FIND {Acme} RETURNING MessagingChannel", "INVALID_TYPE")]
    [InlineData("FIND {Acme} RETURNING Account(Nope)", "INVALID_FIELD")]
    [InlineData("FIND {(Acme} RETURNING Account", "MALFORMED_SEARCH")]
    [InlineData("", "MALFORMED_SEARCH")]
    public async Task Search_Malformed_400NamingTheProblem(string sosl, string code)
    {
        await using var host = await SeededAsync();
        using var client = host.CreateClient();

        using var response = await client.GetAsync("/services/data/v66.0/search?q=" + Uri.EscapeDataString(sosl), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(code, (await response.Content.ReadFromJsonAsync<JsonElement>(Ct))[0].GetProperty("errorCode").GetString());
    }

    [Fact]
    public async Task ParameterizedSearch_GetAndPost_SameRows()
    {
        await using var host = await SeededAsync();
        using var client = host.CreateClient();

        var get = await client.GetFromJsonAsync<JsonElement>(
            "/services/data/v66.0/parameterizedSearch?q=acme&sobject=Account&Account.fields=Id,Name&Account.limit=10&in=NAME", Ct);
        using var post = await client.PostAsync("/services/data/v66.0/parameterizedSearch", new StringContent(
            """{"q":"acme","in":"NAME","sobjects":[{"name":"Account","fields":["Id","Name"],"limit":10}]}""", Encoding.UTF8, "application/json"), Ct);
        var posted = await post.Content.ReadFromJsonAsync<JsonElement>(Ct);

        Assert.Equal(["Acme Rockets"], get.GetProperty("searchRecords").EnumerateArray().Select(r => r.GetProperty("Name").GetString()));
        Assert.Equal(get.GetProperty("searchRecords").ToString(), posted.GetProperty("searchRecords").ToString());
    }

    [Theory]
    [InlineData("/services/data/v66.0/parameterizedSearch")]
    [InlineData("/services/data/v66.0/parameterizedSearch?q=acme&in=SOMEWHERE")]
    [InlineData("/services/data/v66.0/parameterizedSearch?q=acme&sobject=Account&Account.limit=-1")]
    public async Task ParameterizedSearch_BadParameters_MalformedSearch(string url)
    {
        await using var host = await SeededAsync();
        using var client = host.CreateClient();

        using var response = await client.GetAsync(url, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("MALFORMED_SEARCH", (await response.Content.ReadFromJsonAsync<JsonElement>(Ct))[0].GetProperty("errorCode").GetString());
    }
}
