using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using Byoc.Core.Channels;

namespace Byoc.Connector.Channels;

/// <summary>Reads a request's JSON body into a platform's payload type once, refusing what is not a JSON object.</summary>
internal static class InboundJson
{
    private static readonly JsonSerializerOptions s_web = new(JsonSerializerDefaults.Web);

    /// <summary>The payload, or a 400 refusal naming what is wrong with the body.</summary>
    public static bool TryRead<T>(InboundRequest request, [NotNullWhen(true)] out T? payload, [NotNullWhen(false)] out InboundResult? refusal)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(request);
        try
        {
            payload = JsonSerializer.Deserialize<T>(request.Body.Span, s_web);
        }
        catch (JsonException ex)
        {
            payload = null;
            refusal = InboundResult.Malformed($"The body is not valid JSON: {ex.Message}");
            return false;
        }

        refusal = payload is null ? InboundResult.Malformed("The body must be a JSON object.") : null;
        return payload is not null;
    }
}
