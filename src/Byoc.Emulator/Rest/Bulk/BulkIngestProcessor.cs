using System.Text.Json;
using System.Text.Json.Nodes;
using Byoc.Emulator.Org.Records;
using Byoc.Emulator.Org.Schema;

namespace Byoc.Emulator.Rest.Bulk;

/// <summary>
/// Processes an ingest job's CSV (Bulk API 2.0 Developer Guide, "Prepare CSV Files"): the header names fields, or
/// <c>Relationship.ExternalIdField</c> to point a lookup at a record by an external id; an empty value leaves a field as it
/// is and <c>#N/A</c> sets it to null. Each row succeeds or fails on its own (the job is not all or nothing), and the
/// result files repeat the row after <c>sf__Id</c> and <c>sf__Created</c> or <c>sf__Error</c>. A header that names no
/// field fails the whole job, as on a real org.
/// </summary>
internal static class BulkIngestProcessor
{
    private const string NullValue = "#N/A";

    public static void Process(BulkJob job, OrgStore store, OrgLimits limits)
    {
        var type = store.Schema.FindObject(job.Object)!;
        List<string[]> rows;
        try
        {
            rows = job.Csv.Read(job.Data ?? "");
        }
        catch (FormatException e)
        {
            Fail(job, $"InvalidBatch : {e.Message}");
            return;
        }

        if (rows.Count == 0)
        {
            Fail(job, "InvalidBatch : The uploaded CSV has no header row.");
            return;
        }

        var header = rows[0];
        foreach (var column in header)
        {
            if (!Resolvable(store.Schema, type, column))
            {
                Fail(job, $"InvalidBatch : Field name not found : {column}");
                return;
            }
        }

        job.SuccessfulResults.Add(["sf__Id", "sf__Created", .. header]);
        job.FailedResults.Add(["sf__Id", "sf__Error", .. header]);
        job.UnprocessedRecords.Add([.. header]);
        store.Write(writer =>
        {
            foreach (var row in rows.Skip(1))
            {
                var outcome = row.Length != header.Length
                    ? SaveOutcome.Failed(400, "INVALID_FIELD", $"The row has {row.Length} values for {header.Length} columns.")
                    : Save(writer, job, type, header, row);
                if (outcome.Success)
                {
                    job.SuccessfulResults.Add([outcome.Record?.Id ?? IdOf(header, row), outcome.Created ? "true" : "false", .. row]);
                }
                else
                {
                    var error = outcome.Error!;
                    var fields = error.Fields is { Count: > 0 } named ? string.Join(", ", named) : "";
                    job.FailedResults.Add([IdOf(header, row) ?? "", $"{error.ErrorCode}:{error.Message}:{fields} --", .. row]);
                    job.NumberRecordsFailed++;
                }

                job.NumberRecordsProcessed++;
            }
        }, job.CreatedById);
        limits.Count(OrgLimits.DailyBulkApiBatches, Math.Max(1, (rows.Count - 1 + 9999) / 10000));
        job.State = "JobComplete";
    }

    private static SaveOutcome Save(OrgWriter writer, BulkJob job, SObjectDefinition type, string[] header, string[] row)
    {
        var fields = new JsonObject();
        for (var i = 0; i < header.Length; i++)
        {
            if (row[i].Length == 0)
            {
                continue;
            }

            if (header[i].Contains('.', StringComparison.Ordinal))
            {
                var (reference, id, error) = Lookup(writer, type, header[i], row[i]);
                if (error is not null)
                {
                    return error;
                }

                fields[reference!] = id;
                continue;
            }

            fields[type.FindField(header[i])!.Name] = row[i] == NullValue ? null : row[i];
        }

        var body = JsonSerializer.SerializeToElement(fields);
        var recordId = fields["Id"]?.GetValue<string>();
        fields.Remove("Id");
        var withoutId = JsonSerializer.SerializeToElement(fields);
        switch (job.Operation)
        {
            case "insert":
                return RecordSaver.Create(writer, type, body);
            case "update" when recordId is null:
            case "delete" or "hardDelete" when recordId is null:
                return SaveOutcome.Failed(400, "MISSING_ARGUMENT", "Id not specified", ["Id"]);
            case "update":
                return RecordSaver.Update(writer, type, recordId, withoutId);
            case "delete" or "hardDelete":
                return RecordSaver.Delete(writer, type, recordId);
            default:
                var key = RecordSaver.ExternalIdField(type, job.ExternalIdFieldName!)!;
                var value = key.Type == FieldType.Id ? recordId : fields[key.Name]?.GetValue<string>();
                return value is null
                    ? SaveOutcome.Failed(400, "MISSING_ARGUMENT", $"{key.Name} not specified", [key.Name])
                    : RecordSaver.Upsert(writer, type, key, value, key.Type == FieldType.Id ? withoutId : body);
        }
    }

    /// <summary>Resolves <c>Account.External_Id__c</c> to the id of the Account with that value.</summary>
    private static (string? ReferenceField, string? Id, SaveOutcome? Error) Lookup(OrgWriter writer, SObjectDefinition type, string column, string value)
    {
        var (relationship, keyName) = (column[..column.IndexOf('.', StringComparison.Ordinal)], column[(column.IndexOf('.', StringComparison.Ordinal) + 1)..]);
        var reference = type.FindRelationship(relationship)!;
        var target = writer.Schema.FindObject(reference.ReferenceTo[0])!;
        var key = RecordSaver.ExternalIdField(target, keyName)!;
        return RecordSaver.Match(writer, target, key, value) switch
        {
            [var only] => (reference.Name, only.Id, null),
            [] => (null, null, SaveOutcome.Failed(400, "INVALID_FIELD", $"Foreign key external ID: {value} not found for field {keyName} in entity {target.Name}",
                [reference.Name])),
            _ => (null, null, SaveOutcome.Failed(400, "INVALID_FIELD", $"More than 1 record found for external id field {keyName} with value {value}",
                [reference.Name])),
        };
    }

    private static bool Resolvable(OrgSchema schema, SObjectDefinition type, string column)
    {
        var dot = column.IndexOf('.', StringComparison.Ordinal);
        if (dot < 0)
        {
            return type.FindField(column) is not null;
        }

        return type.FindRelationship(column[..dot]) is { ReferenceTo: [var target, ..] } &&
            schema.FindObject(target) is { } related && RecordSaver.ExternalIdField(related, column[(dot + 1)..]) is not null;
    }

    private static string? IdOf(string[] header, string[] row)
    {
        var index = Array.FindIndex(header, h => string.Equals(h, "Id", StringComparison.OrdinalIgnoreCase));
        return index >= 0 && index < row.Length && row[index].Length > 0 ? row[index] : null;
    }

    private static void Fail(BulkJob job, string message)
    {
        job.State = "Failed";
        job.ErrorMessage = message;
    }
}
