using System.Text;
using System.Text.Json;
using Byoc.Emulator.Org.Records;
using Byoc.Emulator.Org.Schema;

namespace Byoc.Emulator.Rest.Bulk;

/// <summary>
/// Bulk API 2.0 ingest jobs (Bulk API 2.0 Developer Guide, "Ingest Jobs"): create (<c>POST /jobs/ingest</c>), upload the CSV
/// (<c>PUT …/batches</c>), close (<c>PATCH</c> state UploadComplete, which processes the data) or abort, poll
/// (<c>GET</c>), read <c>successfulResults</c>, <c>failedResults</c> and <c>unprocessedrecords</c>, list and delete. This is
/// what <c>sf data import/update/upsert/delete bulk</c> drive.
/// </summary>
internal static class BulkIngestEndpoints
{
    private static readonly string[] s_operations = ["insert", "update", "upsert", "delete", "hardDelete"];

    public static void Map(RouteGroupBuilder data)
    {
        data.MapPost("/jobs/ingest", CreateAsync);
        data.MapGet("/jobs/ingest", (BulkJobStore jobs) => BulkResponses.List(jobs.All("V2Ingest")));
        data.MapGet("/jobs/ingest/{id}", (BulkJobStore jobs, string id) => WithJob(jobs, id, job => TypedResults.Json(job.Info(full: true))));
        data.MapPut("/jobs/ingest/{id}/batches", UploadAsync);
        data.MapMethods("/jobs/ingest/{id}", ["PATCH"], SetStateAsync);
        data.MapDelete("/jobs/ingest/{id}", (BulkJobStore jobs, string id) => BulkResponses.Delete(jobs, id, "V2Ingest"));
        data.MapGet("/jobs/ingest/{id}/successfulResults", (BulkJobStore jobs, string id) => ResultFile(jobs, id, j => j.SuccessfulResults));
        data.MapGet("/jobs/ingest/{id}/failedResults", (BulkJobStore jobs, string id) => ResultFile(jobs, id, j => j.FailedResults));
        data.MapGet("/jobs/ingest/{id}/unprocessedrecords", (BulkJobStore jobs, string id) => ResultFile(jobs, id, j => j.UnprocessedRecords));
    }

    private static async Task<IResult> CreateAsync(HttpContext context, BulkJobStore jobs, OrgStore store, TimeProvider time, string version)
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

        var operation = request.Text("operation");
        if (operation is null || !s_operations.Contains(operation, StringComparer.Ordinal))
        {
            return BulkResponses.InvalidJob($"operation must be one of {string.Join(", ", s_operations)}, not '{operation}'.");
        }

        if (request.Text("object") is not { } objectName || store.Schema.FindObject(objectName) is not { } type ||
            (type.Surface & ApiSurface.Data) == 0 || type.IsPlatformEvent)
        {
            return RestErrors.BadRequest("INVALIDENTITY", $"Entity '{request.Text("object")}' is not supported by the Bulk API.");
        }

        var externalId = request.Text("externalIdFieldName");
        if (operation == "upsert" && (externalId is null || RecordSaver.ExternalIdField(type, externalId) is null))
        {
            return BulkResponses.InvalidJob($"upsert needs externalIdFieldName naming Id or an external id field of {type.Name}, not '{externalId}'.");
        }

        if (request.Format is not var (delimiter, lineEnding))
        {
            return request.FormatError!;
        }

        var now = time.GetUtcNow();
        var job = new BulkJob
        {
            Id = jobs.NextId(),
            JobType = "V2Ingest",
            Operation = operation,
            Object = type.Name,
            ExternalIdFieldName = operation == "upsert" ? externalId : null,
            CreatedById = RestAuthentication.Caller(context).UserId,
            CreatedDate = now,
            ApiVersion = version,
            ColumnDelimiter = delimiter,
            LineEnding = lineEnding,
            SystemModstamp = now,
        };
        jobs.Add(job);
        return TypedResults.Json(job.Info(full: false));
    }

    private static async Task<IResult> UploadAsync(HttpContext context, BulkJobStore jobs, string id)
    {
        if (jobs.Find(id, "V2Ingest") is not { } job)
        {
            return BulkResponses.NotFound(id);
        }

        using var reader = new StreamReader(context.Request.Body, Encoding.UTF8);
        var data = await reader.ReadToEndAsync(context.RequestAborted);
        lock (job.Sync)
        {
            if (job.State != "Open" || job.Data is not null)
            {
                return BulkResponses.InvalidState(job, "Data can be uploaded once, while the job is Open.");
            }

            job.Data = data;
        }

        return TypedResults.Created();
    }

    private static async Task<IResult> SetStateAsync(
        HttpContext context, BulkJobStore jobs, OrgStore store, OrgLimits limits, TimeProvider time, string id)
    {
        if (jobs.Find(id, "V2Ingest") is not { } job)
        {
            return BulkResponses.NotFound(id);
        }

        var (body, error) = await SObjectEndpoints.ReadBodyAsync(context);
        if (error is not null)
        {
            return error;
        }

        var state = body.ValueKind == JsonValueKind.Object && body.TryGetProperty("state", out var s) && s.ValueKind == JsonValueKind.String ? s.GetString() : null;
        lock (job.Sync)
        {
            switch (state)
            {
                case "UploadComplete" when job.State == "Open":
                    job.State = "UploadComplete";
                    job.SystemModstamp = time.GetUtcNow();
                    var answer = job.Info(full: false);
                    BulkIngestProcessor.Process(job, store, limits);
                    job.SystemModstamp = time.GetUtcNow();
                    return TypedResults.Json(answer);
                case "Aborted" when !job.IsTerminal:
                    job.State = "Aborted";
                    job.SystemModstamp = time.GetUtcNow();
                    return TypedResults.Json(job.Info(full: false));
                case "UploadComplete" or "Aborted":
                    return BulkResponses.InvalidState(job, $"A job in state {job.State} cannot move to {state}.");
                default:
                    return BulkResponses.InvalidJob($"state must be UploadComplete or Aborted, not '{state}'.");
            }
        }
    }

    private static IResult ResultFile(BulkJobStore jobs, string id, Func<BulkJob, List<string?[]>> rows)
    {
        if (jobs.Find(id, "V2Ingest") is not { } job)
        {
            return BulkResponses.NotFound(id);
        }

        lock (job.Sync)
        {
            if (!job.IsTerminal)
            {
                return BulkResponses.InvalidState(job, "Results are available once the job is complete.");
            }

            var list = rows(job);
            return TypedResults.Text(list.Count == 0 ? "" : job.Csv.Write(list), "text/csv", Encoding.UTF8);
        }
    }

    private static IResult WithJob(BulkJobStore jobs, string id, Func<BulkJob, IResult> answer)
    {
        if (jobs.Find(id, "V2Ingest") is not { } job)
        {
            return BulkResponses.NotFound(id);
        }

        lock (job.Sync)
        {
            return answer(job);
        }
    }
}
