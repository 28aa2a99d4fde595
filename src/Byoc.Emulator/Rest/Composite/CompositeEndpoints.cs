using System.Text.Json;
using System.Text.Json.Nodes;
using Byoc.Emulator.Org.Records;

namespace Byoc.Emulator.Rest.Composite;

/// <summary>
/// REST API Developer Guide, "Composite Resources": <c>/composite</c> (up to 25 subrequests with references, optionally all
/// or none), <c>/composite/batch</c> (up to 25 independent subrequests), and the sObject Collections and sObject Tree
/// resources mapped by <see cref="SObjectCollectionEndpoints"/> and <see cref="SObjectTreeEndpoints"/>.
/// </summary>
internal static class CompositeEndpoints
{
    public const int MaxSubrequests = 25;

    public static void Map(RouteGroupBuilder data)
    {
        data.MapGet("/composite", (string version) => TypedResults.Json(new JsonObject
        {
            ["batch"] = $"/services/data/v{version}/composite/batch",
            ["tree"] = $"/services/data/v{version}/composite/tree",
            ["sobjects"] = $"/services/data/v{version}/composite/sobjects",
        }));
        data.MapPost("/composite", CompositeAsync);
        data.MapPost("/composite/batch", BatchAsync);
        SObjectCollectionEndpoints.Map(data);
        SObjectTreeEndpoints.Map(data);

        // The map above lists these; a GET on one is 405 naming the methods it takes, not a 404 (for /composite/tree
        // without a type the real answer is UNCONFIRMED).
        data.MapGet("/composite/batch", () => RestErrors.MethodNotAllowed("GET", "POST"));
        data.MapGet("/composite/tree", () => RestErrors.MethodNotAllowed("GET", "POST"));
        data.MapGet("/composite/tree/{type}", () => RestErrors.MethodNotAllowed("GET", "POST"));
        data.MapGet("/composite/sobjects", () => RestErrors.MethodNotAllowed("GET", "POST,PATCH,DELETE"));
    }

    private static async Task<IResult> CompositeAsync(HttpContext context, OrgStore store, SubrequestRunner runner)
    {
        var (body, error) = await SObjectEndpoints.ReadBodyAsync(context);
        if (error is not null)
        {
            return error;
        }

        if (body.ValueKind != JsonValueKind.Object || !body.TryGetProperty("compositeRequest", out var list) || list.ValueKind != JsonValueKind.Array)
        {
            return RestErrors.BadRequest("INVALID_API_INPUT", "The request body must be an object with a compositeRequest array.");
        }

        var requests = list.EnumerateArray().ToList();
        if (requests.Count is 0 or > MaxSubrequests)
        {
            return RestErrors.BadRequest("LIMIT_EXCEEDED", $"A composite request holds 1 to {MaxSubrequests} subrequests, not {requests.Count}.");
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var request in requests)
        {
            if (Text(request, "referenceId") is not { Length: > 0 } id || !char.IsAsciiLetter(id[0]) || !id.All(c => char.IsAsciiLetterOrDigit(c) || c == '_') ||
                !seen.Add(id) || Text(request, "method") is null || Text(request, "url") is null)
            {
                return RestErrors.BadRequest("INVALID_API_INPUT",
                    "Every subrequest needs a method, a url and a unique referenceId of letters, digits and underscores starting with a letter.");
            }
        }

        var allOrNone = body.TryGetProperty("allOrNone", out var flag) && flag.ValueKind == JsonValueKind.True;
        var actor = RestAuthentication.Caller(context).UserId;
        var results = allOrNone ? RunAllOrNone(store, runner, requests, actor) : RunEach(store, runner, requests, actor);
        return TypedResults.Json(new JsonObject
        {
            ["compositeResponse"] = new JsonArray([.. requests.Select((r, i) => (JsonNode)new JsonObject
            {
                ["body"] = results[i].Body?.DeepClone(),
                ["httpHeaders"] = new JsonObject(),
                ["httpStatusCode"] = results[i].Status,
                ["referenceId"] = Text(r, "referenceId"),
            })]),
        });
    }

    private static List<SubrequestResult> RunEach(OrgStore store, SubrequestRunner runner, List<JsonElement> requests, string actor)
    {
        var byReference = new Dictionary<string, SubrequestResult>(StringComparer.Ordinal);
        var results = new List<SubrequestResult>();
        foreach (var request in requests)
        {
            var result = store.Write(w => RunOne(w, runner, request, byReference), actor);
            byReference[Text(request, "referenceId")!] = result;
            results.Add(result);
        }

        return results;
    }

    /// <summary>One transaction: the first failure rolls everything back and every other subrequest reports PROCESSING_HALTED.</summary>
    private static List<SubrequestResult> RunAllOrNone(OrgStore store, SubrequestRunner runner, List<JsonElement> requests, string actor)
    {
        var byReference = new Dictionary<string, SubrequestResult>(StringComparer.Ordinal);
        var results = new List<SubrequestResult>();
        try
        {
            store.Write(w =>
            {
                foreach (var request in requests)
                {
                    var result = RunOne(w, runner, request, byReference);
                    byReference[Text(request, "referenceId")!] = result;
                    results.Add(result);
                    if (!result.Success)
                    {
                        throw new RollbackException();
                    }
                }
            }, actor);
            return results;
        }
        catch (RollbackException)
        {
            var failed = results.Count - 1;
            return [.. requests.Select((_, i) => i == failed ? results[i] : SubrequestResult.Error(StatusCodes.Status400BadRequest, "PROCESSING_HALTED",
                "The transaction was rolled back since another operation in the same transaction failed."))];
        }
    }

    private static SubrequestResult RunOne(OrgWriter writer, SubrequestRunner runner, JsonElement request, Dictionary<string, SubrequestResult> earlier)
    {
        var url = CompositeReferences.Resolve(Text(request, "url")!, earlier, out var unresolvedUrl);
        JsonElement? body = null;
        string? unresolvedBody = null;
        if (request.TryGetProperty("body", out var raw) && raw.ValueKind != JsonValueKind.Null)
        {
            var text = CompositeReferences.Resolve(raw.GetRawText(), earlier, out unresolvedBody);
            body = JsonDocument.Parse(text).RootElement.Clone();
        }

        if ((unresolvedUrl ?? unresolvedBody) is { } reference)
        {
            return SubrequestResult.Error(StatusCodes.Status400BadRequest, "PROCESSING_HALTED",
                $"Invalid reference specified. No value for {reference} found in an earlier successful subrequest.");
        }

        return runner.Run(writer, Text(request, "method")!, url, body);
    }

    private static async Task<IResult> BatchAsync(HttpContext context, OrgStore store, SubrequestRunner runner)
    {
        var (body, error) = await SObjectEndpoints.ReadBodyAsync(context);
        if (error is not null)
        {
            return error;
        }

        if (body.ValueKind != JsonValueKind.Object || !body.TryGetProperty("batchRequests", out var list) || list.ValueKind != JsonValueKind.Array)
        {
            return RestErrors.BadRequest("INVALID_API_INPUT", "The request body must be an object with a batchRequests array.");
        }

        var requests = list.EnumerateArray().ToList();
        if (requests.Count is 0 or > MaxSubrequests || requests.Any(r => Text(r, "method") is null || Text(r, "url") is null))
        {
            return RestErrors.BadRequest("INVALID_API_INPUT", $"A batch holds 1 to {MaxSubrequests} subrequests, each with a method and a url.");
        }

        var haltOnError = body.TryGetProperty("haltOnError", out var halt) && halt.ValueKind == JsonValueKind.True;
        var actor = RestAuthentication.Caller(context).UserId;
        var results = new JsonArray();
        var halted = false;
        var hasErrors = false;
        foreach (var request in requests)
        {
            var result = halted
                ? SubrequestResult.Error(StatusCodes.Status412PreconditionFailed, "BATCH_PROCESSING_HALTED", "Batch processing halted per request")
                : store.Write(w => runner.Run(w, Text(request, "method")!, Text(request, "url")!,
                    request.TryGetProperty("richInput", out var input) ? input : null), actor);
            hasErrors |= !result.Success;
            halted |= haltOnError && !result.Success;
            results.Add(new JsonObject { ["result"] = result.Body?.DeepClone(), ["statusCode"] = result.Status });
        }

        return TypedResults.Json(new JsonObject { ["hasErrors"] = hasErrors, ["results"] = results });
    }

    internal static string? Text(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;
}
