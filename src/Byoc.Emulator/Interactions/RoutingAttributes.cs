using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Byoc.Emulator.Interactions;

/// <summary>
/// The <c>routingAttributes</c> (channel variables) partners send with <c>/interactions</c> and <c>/conversation</c> (§5.1, §5.2),
/// kept per MessagingSession for Omni-Channel routing to read. The latest values sent for a session win. Kept in memory.
/// </summary>
internal sealed class RoutingAttributes
{
    private readonly ConcurrentDictionary<string, IReadOnlyDictionary<string, string>> _bySession = new(StringComparer.Ordinal);

    /// <summary>The attributes of a session (18-character id), empty when none were sent.</summary>
    public IReadOnlyDictionary<string, string> ForSession(string messagingSessionId) =>
        _bySession.GetValueOrDefault(messagingSessionId) ?? new Dictionary<string, string>();

    /// <summary>Reads <c>routingAttributes</c> from a request body: null when absent, false when it is not an object of strings.</summary>
    public static bool TryRead(JsonObject body, out IReadOnlyDictionary<string, string>? attributes)
    {
        attributes = null;
        if (!body.TryGetPropertyValue("routingAttributes", out var node) || node is null)
        {
            return true;
        }

        if (node is not JsonObject values)
        {
            return false;
        }

        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in values)
        {
            if (value is not JsonValue text || text.GetValueKind() != JsonValueKind.String)
            {
                return false;
            }

            result[key] = text.GetValue<string>();
        }

        attributes = result;
        return true;
    }

    public void Record(string messagingSessionId, IReadOnlyDictionary<string, string>? attributes)
    {
        if (attributes is { Count: > 0 })
        {
            _bySession[messagingSessionId] = attributes;
        }
    }
}
