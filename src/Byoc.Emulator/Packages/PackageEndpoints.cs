using System.Text.Json;
using Byoc.Emulator.Auth;
using Byoc.Emulator.Org.Records;
using Byoc.Emulator.Soap;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Byoc.Emulator.Packages;

/// <summary>
/// Tooling REST for package installs (org-emulation.md §3, §4.8): create and read <c>PackageInstallRequest</c>, read a
/// <c>SubscriberPackageVersion</c>. <c>sf package installed list</c> reads <c>InstalledSubscriberPackage</c> through the
/// Tooling query endpoint, which the SOQL engine serves.
/// </summary>
internal static class PackageEndpoints
{
    private const string ContentType = "application/json;charset=UTF-8";

    public static IEndpointRouteBuilder MapPackageApis(this IEndpointRouteBuilder routes)
    {
        var tooling = routes.MapGroup("/services/data/v{version}/tooling/sobjects");
        tooling.MapPost("/PackageInstallRequest", CreateAsync);
        tooling.MapGet("/PackageInstallRequest/{id}", GetRequest);
        tooling.MapGet("/SubscriberPackageVersion/{id}", GetVersion);
        return routes;
    }

    private static async Task<Results<Created<SaveResult>, JsonHttpResult<ApiError[]>, NotFound>> CreateAsync(
        string version, HttpRequest http, IAccessTokens tokens, OrgStore store, CancellationToken cancellationToken)
    {
        if (!IsVersion(version))
        {
            return TypedResults.NotFound();
        }

        if (Authenticate(http, tokens) is not { } session)
        {
            return Error(StatusCodes.Status401Unauthorized, "Session expired or invalid", "INVALID_SESSION_ID");
        }

        JsonDocument body;
        try
        {
            body = await JsonDocument.ParseAsync(http.Body, cancellationToken: cancellationToken);
        }
        catch (JsonException e)
        {
            return Error(StatusCodes.Status400BadRequest, $"Unexpected character: {e.Message}", "JSON_PARSER_ERROR");
        }

        using (body)
        {
            if (body.RootElement.ValueKind != JsonValueKind.Object)
            {
                return Error(StatusCodes.Status400BadRequest, "Expected an object for the record", "JSON_PARSER_ERROR");
            }

            var type = store.Schema.FindObject("PackageInstallRequest")!;
            var values = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase) { ["Status"] = "IN_PROGRESS" };
            foreach (var property in body.RootElement.EnumerateObject())
            {
                var field = type.FindField(property.Name);
                if (field is null)
                {
                    return Error(StatusCodes.Status400BadRequest, $"No such column '{property.Name}' on sobject of type {type.Name}", "INVALID_FIELD");
                }

                if (!field.Createable)
                {
                    return Error(StatusCodes.Status400BadRequest,
                        $"Unable to create/update fields: {field.Name}. Please check the security settings of this field and verify that it is read/write for your profile or permission set.",
                        "INVALID_FIELD_FOR_INSERT_UPDATE", field.Name);
                }

                try
                {
                    values[field.Name] = FieldValues.Coerce(type, field, property.Value.Clone());
                }
                catch (FieldValueException e)
                {
                    var code = e.Message.Contains("picklist", StringComparison.Ordinal) ? "INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST" : "FIELD_INTEGRITY_EXCEPTION";
                    return Error(StatusCodes.Status400BadRequest, e.Message[(e.Message.IndexOf(": ", StringComparison.Ordinal) + 2)..], code, field.Name);
                }
            }

            if (values.GetValueOrDefault("SubscriberPackageVersionKey") is not string { Length: > 0 })
            {
                return Error(StatusCodes.Status400BadRequest, "Required fields are missing: [SubscriberPackageVersionKey]",
                    "REQUIRED_FIELD_MISSING", "SubscriberPackageVersionKey");
            }

            var record = store.Write(w => w.Insert(type.Name, values), session.UserId);
            return TypedResults.Created($"/services/data/v{version}/tooling/sobjects/{type.Name}/{record.Id}", new SaveResult(record.Id, true, []));
        }
    }

    private static Results<ContentHttpResult, JsonHttpResult<ApiError[]>, NotFound> GetRequest(
        string version, string id, HttpRequest http, IAccessTokens tokens, PackageInstaller installer)
    {
        if (!IsVersion(version))
        {
            return TypedResults.NotFound();
        }

        if (Authenticate(http, tokens) is null)
        {
            return Error(StatusCodes.Status401Unauthorized, "Session expired or invalid", "INVALID_SESSION_ID");
        }

        var record = installer.Poll(id);
        return record is null
            ? Error(StatusCodes.Status404NotFound, "The requested resource does not exist", "NOT_FOUND")
            : TypedResults.Text(RecordJson.Write(record, "v" + version, tooling: true), ContentType);
    }

    private static Results<ContentHttpResult, JsonHttpResult<ApiError[]>, NotFound> GetVersion(
        string version, string id, HttpRequest http, IAccessTokens tokens, OrgStore store)
    {
        if (!IsVersion(version))
        {
            return TypedResults.NotFound();
        }

        if (Authenticate(http, tokens) is null)
        {
            return Error(StatusCodes.Status401Unauthorized, "Session expired or invalid", "INVALID_SESSION_ID");
        }

        var record = store.Get(id);
        return record is null || record.ObjectName != "SubscriberPackageVersion"
            ? Error(StatusCodes.Status404NotFound, "The requested resource does not exist", "NOT_FOUND")
            : TypedResults.Text(RecordJson.Write(record, "v" + version, tooling: true), ContentType);
    }

    private static bool IsVersion(string version) => SoapApis.IsApiVersion(version);

    private static AccessTokenInfo? Authenticate(HttpRequest http, IAccessTokens tokens)
    {
        var header = http.Headers.Authorization.ToString();
        return header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? tokens.Validate(header["Bearer ".Length..].Trim()) : null;
    }

    private static JsonHttpResult<ApiError[]> Error(int status, string message, string code, string? field = null) =>
        TypedResults.Json(new[] { new ApiError(message, code, field is null ? null : [field]) }, statusCode: status);
}
