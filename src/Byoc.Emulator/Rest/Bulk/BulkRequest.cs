using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Byoc.Emulator.Rest.Bulk;

/// <summary>The JSON body of a job creation: its string properties and the CSV format it names (COMMA and LF by default).</summary>
internal sealed class BulkRequest
{
    private readonly JsonElement _body;

    private BulkRequest(JsonElement body, JsonHttpResult<RestError[]>? error)
    {
        _body = body;
        Error = error;
        if (error is not null)
        {
            return;
        }

        var delimiter = Text("columnDelimiter") ?? "COMMA";
        var lineEnding = Text("lineEnding") ?? "LF";
        var contentType = Text("contentType") ?? "CSV";
        if (!CsvFormat.Delimiters.ContainsKey(delimiter))
        {
            FormatError = BulkResponses.InvalidJob($"columnDelimiter must be one of {string.Join(", ", CsvFormat.Delimiters.Keys)}, not '{delimiter}'.");
        }
        else if (!CsvFormat.LineEndings.ContainsKey(lineEnding))
        {
            FormatError = BulkResponses.InvalidJob($"lineEnding must be LF or CRLF, not '{lineEnding}'.");
        }
        else if (contentType != "CSV")
        {
            FormatError = BulkResponses.InvalidJob($"contentType must be CSV, not '{contentType}'.");
        }
        else
        {
            Format = (delimiter, lineEnding);
        }
    }

    public JsonHttpResult<RestError[]>? Error { get; }

    public (string Delimiter, string LineEnding)? Format { get; }

    public JsonHttpResult<RestError[]>? FormatError { get; }

    public static BulkRequest Read(JsonElement body) => body.ValueKind == JsonValueKind.Object
        ? new BulkRequest(body, null)
        : new BulkRequest(body, BulkResponses.InvalidJob("The request body must be a JSON object."));

    public string? Text(string name) =>
        _body.ValueKind == JsonValueKind.Object && _body.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;
}
