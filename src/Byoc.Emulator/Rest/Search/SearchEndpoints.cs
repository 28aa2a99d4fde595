using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Byoc.Emulator.Rest.Search;

/// <summary>
/// REST API Developer Guide, "Search" (<c>GET /search?q=SOSL</c>, what <c>sf data search</c> calls) and "Parameterized
/// Search" (<c>GET /parameterizedSearch?q=…&amp;sobject=…&amp;Type.fields=…</c> and its JSON <c>POST</c>); both answer
/// <c>{"searchRecords":[…]}</c>, and a bad search is 400 MALFORMED_SEARCH, INVALID_SEARCH or INVALID_TYPE.
/// </summary>
internal static class SearchEndpoints
{
    public static void Map(RouteGroupBuilder data)
    {
        data.MapGet("/search", (SearchExecutor search, string version, string? q) =>
            Run(() => search.Run(SoslParser.Parse(q), new RestContext(version, Org.Schema.ApiSurface.Data))));
        data.MapGet("/parameterizedSearch", (HttpContext context, SearchExecutor search, string version) =>
            Run(() => search.Run(FromQueryString(context.Request.Query), new RestContext(version, Org.Schema.ApiSurface.Data))));
        data.MapPost("/parameterizedSearch", async (HttpContext context, SearchExecutor search, string version) =>
        {
            var (body, error) = await SObjectEndpoints.ReadBodyAsync(context);
            return error ?? Run(() => search.Run(FromBody(body), new RestContext(version, Org.Schema.ApiSurface.Data)));
        });
    }

    private static IResult Run(Func<JsonObject> search)
    {
        try
        {
            return TypedResults.Json(search());
        }
        catch (SearchException e)
        {
            return RestErrors.BadRequest(e.ErrorCode, e.Message);
        }
    }

    private static SoslQuery FromQueryString(IQueryCollection query)
    {
        var types = query["sobject"].SelectMany(s => (s ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToList();
        var defaultFields = Split(query["fields"].ToString());
        var returning = types.Select(t => new SoslReturning(t,
            query.TryGetValue(t + ".fields", out var fields) ? Split(fields.ToString()) : defaultFields,
            query.TryGetValue(t + ".where", out var where) ? where.ToString() : null,
            query.TryGetValue(t + ".orderBy", out var orderBy) ? orderBy.ToString() : null,
            query.TryGetValue(t + ".limit", out var limit) ? Number(limit.ToString(), t + ".limit") : null)).ToList();
        return new SoslQuery(SearchTerm.Parse(Required(query["q"].ToString())), Scope(query["in"].ToString()), returning,
            query.TryGetValue("overallLimit", out var overall) ? Number(overall.ToString(), "overallLimit") : null);
    }

    private static SoslQuery FromBody(JsonElement body)
    {
        if (body.ValueKind != JsonValueKind.Object)
        {
            throw new SearchException("MALFORMED_SEARCH", "The request body must be a JSON object with q.");
        }

        string? Text(JsonElement e, string name) => e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
        List<string> Strings(JsonElement e, string name) => e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Array
            ? [.. v.EnumerateArray().Where(x => x.ValueKind == JsonValueKind.String).Select(x => x.GetString()!)]
            : [];
        int? Int(JsonElement e, string name) => e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number && v.TryGetInt32(out var n) && n > 0
            ? n
            : e.TryGetProperty(name, out _) ? throw new SearchException("MALFORMED_SEARCH", $"{name} must be a positive number.") : null;

        var defaultFields = Strings(body, "fields");
        var returning = body.TryGetProperty("sobjects", out var sobjects) && sobjects.ValueKind == JsonValueKind.Array
            ? sobjects.EnumerateArray().Select(s => new SoslReturning(
                Text(s, "name") ?? throw new SearchException("MALFORMED_SEARCH", "Every sobjects entry needs a name."),
                Strings(s, "fields") is { Count: > 0 } fields ? fields : defaultFields, Text(s, "where"), Text(s, "orderBy"), Int(s, "limit"))).ToList()
            : [];
        return new SoslQuery(SearchTerm.Parse(Required(Text(body, "q"))), Scope(Text(body, "in")), returning, Int(body, "overallLimit"));
    }

    private static string Required(string? q) =>
        string.IsNullOrWhiteSpace(q) ? throw new SearchException("MALFORMED_SEARCH", "q, the search string, is required.") : q;

    private static SearchScope Scope(string? value) => (value ?? "").ToUpperInvariant() switch
    {
        "" or "ALL" => SearchScope.All,
        "NAME" => SearchScope.Name,
        "EMAIL" => SearchScope.Email,
        "PHONE" => SearchScope.Phone,
        _ => throw new SearchException("MALFORMED_SEARCH", $"in must be ALL, NAME, EMAIL or PHONE, not '{value}'."),
    };

    private static int Number(string text, string name) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0
            ? n
            : throw new SearchException("MALFORMED_SEARCH", $"{name} must be a positive number.");

    private static List<string> Split(string text) => [.. text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];
}
