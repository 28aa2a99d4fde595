using System.Text.Json.Nodes;

namespace Byoc.Setup.Verify;

/// <summary>Reads what the channel delivered to the end user back from a sink that lists its deliveries (<c>GET</c> → JSON array).</summary>
internal sealed class SinkReader(HttpClient http, Uri sinkUrl, string endUserId)
{
    /// <summary>The agent's or rep's messages to the test end user, oldest first.</summary>
    public async Task<IReadOnlyList<JsonObject>> MessagesAsync(CancellationToken cancellationToken)
    {
        var text = await http.GetStringAsync(sinkUrl, cancellationToken);
        return JsonNode.Parse(text) is JsonArray deliveries
            ? [.. deliveries.OfType<JsonObject>().Where(d =>
                d["userId"]?.GetValue<string>() == endUserId && d["type"]?.GetValue<string>() is "message" or "choices")]
            : [];
    }
}
