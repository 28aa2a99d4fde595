using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Byoc.Emulator.Rest.Bulk;

/// <summary>Bulk API 2.0 answers shared by ingest and query jobs: job lists and the REST error array with its codes.</summary>
internal static class BulkResponses
{
    public static JsonHttpResult<JsonObject> List(IEnumerable<BulkJob> jobs)
    {
        var records = new JsonArray();
        foreach (var job in jobs)
        {
            lock (job.Sync)
            {
                records.Add(job.Info(full: false));
            }
        }

        return TypedResults.Json(new JsonObject { ["done"] = true, ["records"] = records, ["nextRecordsUrl"] = null });
    }

    public static IResult Delete(BulkJobStore jobs, string id, string jobType) => jobs.Remove(id, jobType) ? TypedResults.NoContent() : NotFound(id);

    public static JsonHttpResult<RestError[]> InvalidJob(string message) => RestErrors.BadRequest("INVALIDJOB", message);

    public static JsonHttpResult<RestError[]> InvalidState(BulkJob job, string message) =>
        RestErrors.Error(StatusCodes.Status409Conflict, "INVALIDJOBSTATE", $"Job {job.Id} is {job.State}: {message}");

    public static JsonHttpResult<RestError[]> NotFound(string id) =>
        RestErrors.Error(StatusCodes.Status404NotFound, "NOT_FOUND", $"No job with id {id}.");
}
