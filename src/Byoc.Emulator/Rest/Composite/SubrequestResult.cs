using System.Text.Json.Nodes;

namespace Byoc.Emulator.Rest.Composite;

/// <summary>The answer to one subrequest: its HTTP status and JSON body (null for 204).</summary>
internal sealed record SubrequestResult(int Status, JsonNode? Body)
{
    public bool Success => Status is >= 200 and < 300;

    public static SubrequestResult Error(int status, string errorCode, string message, IReadOnlyList<string>? fields = null)
    {
        var error = new JsonObject { ["errorCode"] = errorCode, ["message"] = message };
        if (fields is not null)
        {
            error["fields"] = new JsonArray([.. fields.Select(f => (JsonNode)f)]);
        }

        return new SubrequestResult(status, new JsonArray(error));
    }
}
