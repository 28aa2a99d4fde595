using System.Globalization;
using System.Text.Json.Nodes;
using Byoc.Emulator.Org.Schema;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Byoc.Emulator.Rest;

/// <summary>
/// REST API Developer Guide, "sObject Get Updated" and "sObject Get Deleted": the ids changed, or deleted, between
/// <c>start</c> and <c>end</c> (ISO 8601, required), for a replicateable type. Dates are truncated to the minute, the
/// end to now at most, and the start may lie at most 30 days back, as the guide states.
/// </summary>
internal static class ReplicationEndpoints
{
    private static readonly TimeSpan s_maxAge = TimeSpan.FromDays(30);

    public static Results<JsonHttpResult<JsonObject>, JsonHttpResult<RestError[]>> Updated(
        HttpContext context, RestContext rest, string typeName, string? start, string? end)
    {
        if (!TryRange(context, rest, typeName, start, end, out var type, out var from, out var to, out var error))
        {
            return error;
        }

        var ids = SObjectEndpoints.Store(context).Records(type.Name)
            .Where(r => r.GetDateTime("SystemModstamp") is { } stamp && stamp >= from && stamp < to.AddMinutes(1))
            .Select(r => (JsonNode)r.Id);
        return TypedResults.Json(new JsonObject
        {
            ["ids"] = new JsonArray([.. ids]),
            ["latestDateCovered"] = RestValues.FormatDateTime(to),
        });
    }

    public static Results<JsonHttpResult<JsonObject>, JsonHttpResult<RestError[]>> Deleted(
        HttpContext context, RestContext rest, string typeName, string? start, string? end)
    {
        if (!TryRange(context, rest, typeName, start, end, out var type, out var from, out var to, out var error))
        {
            return error;
        }

        var log = context.RequestServices.GetRequiredService<DeletedRecordLog>();
        var deleted = log.Deleted(type.Name, from, to.AddMinutes(1))
            .Select(d => (JsonNode)new JsonObject { ["deletedDate"] = RestValues.FormatDateTime(d.DeletedAt), ["id"] = d.Id });
        var now = context.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow();
        var earliest = log.StartedAt > now - DeletedRecordLog.Retention ? log.StartedAt : now - DeletedRecordLog.Retention;
        return TypedResults.Json(new JsonObject
        {
            ["deletedRecords"] = new JsonArray([.. deleted]),
            ["earliestDateAvailable"] = RestValues.FormatDateTime(Minute(earliest)),
            ["latestDateCovered"] = RestValues.FormatDateTime(to),
        });
    }

    private static bool TryRange(
        HttpContext context, RestContext rest, string typeName, string? start, string? end,
        out SObjectDefinition type, out DateTimeOffset from, out DateTimeOffset to, out JsonHttpResult<RestError[]> error)
    {
        type = null!;
        from = to = default;
        error = null!;
        if (SObjectEndpoints.FindType(context, rest, typeName) is not { } found ||
            !found.Capabilities.HasFlag(SObjectCapabilities.Queryable) || found.IsPlatformEvent)
        {
            error = RestErrors.NotFound();
            return false;
        }

        type = found;
        var now = context.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow();
        if (!TryParse(start, out from) || !TryParse(end, out to))
        {
            error = RestErrors.BadRequest("INVALID_REPLICATION_DATE",
                "start and end are required ISO 8601 date-times, for example 2026-11-24T09:00:00+00:00");
            return false;
        }

        from = Minute(from);
        to = Minute(to > now ? now : to);
        if (from > to)
        {
            error = RestErrors.BadRequest("INVALID_REPLICATION_DATE", "start must be before end");
            return false;
        }

        if (from < now - s_maxAge)
        {
            error = RestErrors.BadRequest("INVALID_REPLICATION_DATE", "start must be within the last 30 days");
            return false;
        }

        return true;
    }

    private static bool TryParse(string? text, out DateTimeOffset value) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out value);

    private static DateTimeOffset Minute(DateTimeOffset value)
    {
        var utc = value.ToUniversalTime();
        return new DateTimeOffset(utc.Year, utc.Month, utc.Day, utc.Hour, utc.Minute, 0, TimeSpan.Zero);
    }
}
