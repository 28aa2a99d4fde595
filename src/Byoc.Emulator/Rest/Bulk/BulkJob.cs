using System.Text.Json.Nodes;

namespace Byoc.Emulator.Rest.Bulk;

/// <summary>
/// One Bulk API 2.0 job (ingest or query) and its data. The state moves Open → UploadComplete → JobComplete (or Failed,
/// or Aborted by the client); processing runs when the client marks the upload complete. Guarded by its own lock.
/// </summary>
internal sealed class BulkJob
{
    public required string Id { get; init; }

    /// <summary><c>V2Ingest</c> or <c>V2Query</c>.</summary>
    public required string JobType { get; init; }

    public required string Operation { get; init; }

    public required string Object { get; init; }

    public string? ExternalIdFieldName { get; init; }

    public string? Query { get; init; }

    public required string CreatedById { get; init; }

    public required DateTimeOffset CreatedDate { get; init; }

    public required string ApiVersion { get; init; }

    public required string ColumnDelimiter { get; init; }

    public required string LineEnding { get; init; }

    public Lock Sync { get; } = new();

    public string State { get; set; } = "Open";

    public DateTimeOffset SystemModstamp { get; set; }

    public string? ErrorMessage { get; set; }

    /// <summary>The uploaded CSV (ingest).</summary>
    public string? Data { get; set; }

    public int NumberRecordsProcessed { get; set; }

    public int NumberRecordsFailed { get; set; }

    /// <summary>The result files' rows (ingest), header first.</summary>
    public List<string?[]> SuccessfulResults { get; } = [];

    public List<string?[]> FailedResults { get; } = [];

    public List<string?[]> UnprocessedRecords { get; } = [];

    /// <summary>The query's rows (query jobs), header first.</summary>
    public List<string?[]> QueryRows { get; } = [];

    public CsvFormat Csv => new(CsvFormat.Delimiters[ColumnDelimiter], CsvFormat.LineEndings[LineEnding]);

    public bool IsTerminal => State is "JobComplete" or "Failed" or "Aborted";

    /// <summary>The job info body (REST "Get Job Info"); <paramref name="full"/> adds the processing counters.</summary>
    public JsonObject Info(bool full)
    {
        var info = new JsonObject
        {
            ["id"] = Id,
            ["operation"] = Operation,
            ["object"] = Object,
            ["createdById"] = CreatedById,
            ["createdDate"] = RestValues.FormatDateTime(CreatedDate),
            ["systemModstamp"] = RestValues.FormatDateTime(SystemModstamp),
            ["state"] = State,
        };
        if (ExternalIdFieldName is not null)
        {
            info["externalIdFieldName"] = ExternalIdFieldName;
        }

        info["concurrencyMode"] = "Parallel";
        info["contentType"] = "CSV";
        info["apiVersion"] = double.Parse(ApiVersion, System.Globalization.CultureInfo.InvariantCulture);
        if (JobType == "V2Ingest")
        {
            info["contentUrl"] = $"services/data/v{ApiVersion}/jobs/ingest/{Id}/batches";
        }

        info["lineEnding"] = LineEnding;
        info["columnDelimiter"] = ColumnDelimiter;
        if (full)
        {
            info["jobType"] = JobType;
            info["numberRecordsProcessed"] = NumberRecordsProcessed;
            if (JobType == "V2Ingest")
            {
                info["numberRecordsFailed"] = NumberRecordsFailed;
            }

            info["retries"] = 0;
            info["totalProcessingTime"] = 0;
            if (ErrorMessage is not null)
            {
                info["errorMessage"] = ErrorMessage;
            }
        }

        return info;
    }
}
