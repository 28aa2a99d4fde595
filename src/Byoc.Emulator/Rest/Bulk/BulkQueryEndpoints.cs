using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Byoc.Emulator.Org.Records;
using Byoc.Emulator.Org.Schema;
using Byoc.Emulator.Soql;

namespace Byoc.Emulator.Rest.Bulk;

/// <summary>
/// Bulk API 2.0 query jobs (Bulk API 2.0 Developer Guide, "Query Jobs"): <c>POST /jobs/query</c> runs the SOQL (query or
/// queryAll; aggregate queries are not supported by Bulk API 2.0), <c>GET</c> reports JobComplete, and
/// <c>GET …/results?maxRecords=&amp;locator=</c> pages the CSV with the <c>Sforce-Locator</c> (the string <c>null</c> on
/// the last page) and <c>Sforce-NumberOfRecords</c> headers. This is what <c>sf data export bulk</c> drives.
/// </summary>
internal static class BulkQueryEndpoints
{
    public static void Map(RouteGroupBuilder data)
    {
        data.MapPost("/jobs/query", CreateAsync);
        data.MapGet("/jobs/query", (BulkJobStore jobs) => BulkResponses.List(jobs.All("V2Query")));
        data.MapGet("/jobs/query/{id}", (BulkJobStore jobs, string id) => jobs.Find(id, "V2Query") is { } job
            ? TypedResults.Json(Locked(job, () => job.Info(full: true)))
            : (IResult)BulkResponses.NotFound(id));
        data.MapMethods("/jobs/query/{id}", ["PATCH"], AbortAsync);
        data.MapDelete("/jobs/query/{id}", (BulkJobStore jobs, string id) => BulkResponses.Delete(jobs, id, "V2Query"));
        data.MapGet("/jobs/query/{id}/results", Results);
    }

    private static async Task<IResult> CreateAsync(
        HttpContext context, BulkJobStore jobs, SoqlEngine soql, OrgStore store, OrgLimits limits, TimeProvider time, string version)
    {
        var (body, error) = await SObjectEndpoints.ReadBodyAsync(context);
        if (error is not null)
        {
            return error;
        }

        var request = BulkRequest.Read(body);
        if (request.Error is { } invalid)
        {
            return invalid;
        }

        var operation = request.Text("operation") ?? "query";
        if (operation is not ("query" or "queryAll"))
        {
            return BulkResponses.InvalidJob($"operation must be query or queryAll, not '{operation}'.");
        }

        if (request.Format is not var (delimiter, lineEnding))
        {
            return request.FormatError!;
        }

        var outcome = soql.Execute(request.Text("query"), ApiSurface.Data);
        if (outcome.Error is { } soqlError)
        {
            return RestErrors.BadRequest(soqlError.ErrorCode, soqlError.Message);
        }

        var result = outcome.Result!;
        if (result.IsAggregate || result.IsCountOnly)
        {
            return BulkResponses.InvalidJob("Aggregate queries (COUNT, GROUP BY) are not supported by Bulk API 2.0.");
        }

        var now = time.GetUtcNow();
        var job = new BulkJob
        {
            Id = jobs.NextId(),
            JobType = "V2Query",
            Operation = operation,
            Object = result.Type.Name,
            Query = request.Text("query"),
            CreatedById = RestAuthentication.Caller(context).UserId,
            CreatedDate = now,
            ApiVersion = version,
            ColumnDelimiter = delimiter,
            LineEnding = lineEnding,
            SystemModstamp = now,
        };
        var rest = new RestContext(version, ApiSurface.Data);
        var columns = ColumnNames(result.Columns, "");
        job.QueryRows.Add([.. columns]);
        foreach (var row in QueryRecordWriter.Write(result, store, rest))
        {
            job.QueryRows.Add([.. columns.Select(c => CsvValue(row, c))]);
        }

        job.NumberRecordsProcessed = job.QueryRows.Count - 1;
        limits.Count(OrgLimits.DailyBulkV2QueryJobs);
        var created = job.Info(full: false);
        created["state"] = "UploadComplete";
        job.State = "JobComplete";
        jobs.Add(job);
        return TypedResults.Json(created);
    }

    private static async Task<IResult> AbortAsync(HttpContext context, BulkJobStore jobs, string id)
    {
        if (jobs.Find(id, "V2Query") is not { } job)
        {
            return BulkResponses.NotFound(id);
        }

        var (body, error) = await SObjectEndpoints.ReadBodyAsync(context);
        if (error is not null)
        {
            return error;
        }

        return CompositeText(body, "state") == "Aborted"
            ? BulkResponses.InvalidState(job, "The query has already completed.")
            : BulkResponses.InvalidJob("state must be Aborted.");
    }

    private static IResult Results(HttpContext context, BulkJobStore jobs, string id, string? locator, string? maxRecords)
    {
        if (jobs.Find(id, "V2Query") is not { } job)
        {
            return BulkResponses.NotFound(id);
        }

        var offset = 0;
        if (!string.IsNullOrEmpty(locator) && !TryDecode(locator, out offset))
        {
            return RestErrors.BadRequest("INVALID_LOCATOR", $"Invalid locator: {locator}");
        }

        var max = int.MaxValue;
        if (maxRecords is not null && !(int.TryParse(maxRecords, NumberStyles.None, CultureInfo.InvariantCulture, out max) && max > 0))
        {
            return RestErrors.BadRequest("INVALID_MAX_RECORDS", "maxRecords must be a positive number.");
        }

        var rows = job.QueryRows;
        var page = rows.Skip(1 + offset).Take(max).ToList();
        var next = offset + page.Count;
        context.Response.Headers["Sforce-NumberOfRecords"] = page.Count.ToString(CultureInfo.InvariantCulture);
        context.Response.Headers["Sforce-Locator"] = next < rows.Count - 1
            ? Convert.ToBase64String(Encoding.ASCII.GetBytes(next.ToString(CultureInfo.InvariantCulture)))
            : "null";
        return TypedResults.Text(job.Csv.Write([rows[0], .. page]), "text/csv", Encoding.UTF8);
    }

    /// <summary>Column names as Bulk API 2.0 writes them: fields by name, relationship fields as <c>Owner.Name</c>.</summary>
    private static List<string> ColumnNames(IReadOnlyList<SoqlSelectNode> columns, string prefix) =>
        [.. columns.SelectMany(c => c.Relationship is not null ? ColumnNames(c.Children, prefix + c.Name + ".") : [prefix + c.Name])];

    private static string? CsvValue(JsonNode row, string column)
    {
        JsonNode? node = row;
        foreach (var part in column.Split('.'))
        {
            node = node is JsonObject obj ? obj[part] : null;
        }

        return node switch
        {
            null => "",
            JsonValue value when value.GetValueKind() == System.Text.Json.JsonValueKind.String =>
                IsoDateTime(value.GetValue<string>()),
            _ => node.ToJsonString(),
        };
    }

    /// <summary>Bulk results write date-times as <c>2026-11-24T09:30:00.000Z</c>, where REST JSON writes <c>+0000</c>.</summary>
    private static string IsoDateTime(string text) =>
        text.Length == 28 && text.EndsWith("+0000", StringComparison.Ordinal) && text[10] == 'T' ? text[..23] + "Z" : text;

    private static bool TryDecode(string locator, out int offset)
    {
        offset = 0;
        try
        {
            return int.TryParse(Encoding.ASCII.GetString(Convert.FromBase64String(locator)), NumberStyles.None, CultureInfo.InvariantCulture, out offset);
        }
        catch (FormatException)
        {
            return false;
        }
    }

    private static string? CompositeText(System.Text.Json.JsonElement body, string name) => Composite.CompositeEndpoints.Text(body, name);

    private static T Locked<T>(BulkJob job, Func<T> read)
    {
        lock (job.Sync)
        {
            return read();
        }
    }
}
