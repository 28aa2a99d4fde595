using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Byoc.Emulator.Rest;

internal static partial class SObjectEndpoints
{
    private static async Task<IResult> CreateAsync(HttpContext context, RestContext rest, string typeName)
    {
        if (FindType(context, rest, typeName) is not { } type)
        {
            return RestErrors.NotFound();
        }

        var (body, parseError) = await ReadBodyAsync(context);
        if (parseError is not null)
        {
            return parseError;
        }

        var outcome = Store(context).Write(w => RecordSaver.Create(w, type, body), RestAuthentication.Caller(context).UserId);
        return outcome.Success ? SaveResult(outcome, StatusCodes.Status201Created, created: null) : Failure(outcome);
    }

    private static async Task<IResult> UpdateAsync(HttpContext context, RestContext rest, string typeName, string id)
    {
        if (FindType(context, rest, typeName) is not { } type)
        {
            return RestErrors.NotFound();
        }

        var (body, parseError) = await ReadBodyAsync(context);
        if (parseError is not null)
        {
            return parseError;
        }

        var outcome = Store(context).Write(w => RecordSaver.Update(w, type, id, body), RestAuthentication.Caller(context).UserId);
        return outcome.Success ? TypedResults.NoContent() : Failure(outcome);
    }

    private static IResult Delete(HttpContext context, RestContext rest, string typeName, string id)
    {
        if (FindType(context, rest, typeName) is not { } type)
        {
            return RestErrors.NotFound();
        }

        var outcome = Store(context).Write(w => RecordSaver.Delete(w, type, id), RestAuthentication.Caller(context).UserId);
        return outcome.Success ? TypedResults.NoContent() : Failure(outcome);
    }

    /// <summary>
    /// REST API Developer Guide, "Insert or Update (Upsert) a Record Using an External ID": 201 with <c>created: true</c> for a
    /// new record, 200 with <c>created: false</c> for an update (API 46.0 and later), 300 for several matches.
    /// </summary>
    private static async Task<IResult> UpsertAsync(HttpContext context, RestContext rest, string typeName, string fieldName, string value)
    {
        if (FindType(context, rest, typeName) is not { } type)
        {
            return RestErrors.NotFound();
        }

        if (RecordSaver.ExternalIdField(type, fieldName) is not { } key)
        {
            return UnknownExternalId(fieldName);
        }

        var (body, parseError) = await ReadBodyAsync(context);
        if (parseError is not null)
        {
            return parseError;
        }

        var outcome = Store(context).Write(w => RecordSaver.Upsert(w, type, key, value, body), RestAuthentication.Caller(context).UserId);
        return outcome.Success ? SaveResult(outcome, outcome.Created ? StatusCodes.Status201Created : StatusCodes.Status200OK, outcome.Created) : Failure(outcome);
    }

    private static IResult DeleteByExternalId(HttpContext context, RestContext rest, string typeName, string fieldName, string value)
    {
        if (FindType(context, rest, typeName) is not { } type)
        {
            return RestErrors.NotFound();
        }

        if (RecordSaver.ExternalIdField(type, fieldName) is not { } key)
        {
            return UnknownExternalId(fieldName);
        }

        var outcome = Store(context).Write(w => RecordSaver.Match(w, type, key, value) switch
        {
            [var only] => RecordSaver.Delete(w, type, only.Id),
            [] => SaveOutcome.Failed(StatusCodes.Status404NotFound, "NOT_FOUND", "The requested resource does not exist"),
            _ => SaveOutcome.Failed(StatusCodes.Status300MultipleChoices, "MULTIPLE_CHOICES",
                $"More than one record found for external id field {key.Name} with value {value}."),
        }, RestAuthentication.Caller(context).UserId);
        return outcome.Success ? TypedResults.NoContent() : Failure(outcome);
    }

    private static JsonHttpResult<JsonObject> SaveResult(SaveOutcome outcome, int status, bool? created)
    {
        var body = new JsonObject { ["id"] = outcome.Record!.Id, ["success"] = true, ["errors"] = new JsonArray() };
        if (created is { } value)
        {
            body["created"] = value;
        }

        return TypedResults.Json(body, statusCode: status);
    }

    private static JsonHttpResult<RestError[]> Failure(SaveOutcome outcome) =>
        TypedResults.Json(new[] { outcome.Error! }, statusCode: outcome.Status);
}
