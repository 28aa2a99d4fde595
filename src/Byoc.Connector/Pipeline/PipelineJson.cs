using System.Text.Json;
using System.Text.Json.Serialization;

namespace Byoc.Connector.Pipeline;

/// <summary>How canonical messages are stored in the inbox and outbox.</summary>
internal static class PipelineJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter() },
    };

    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, Options);

    public static T Deserialize<T>(string json) =>
        JsonSerializer.Deserialize<T>(json, Options) ?? throw new JsonException($"Stored {typeof(T).Name} is null.");

    /// <summary>Rows of one end user on one channel are delivered in order.</summary>
    public static string ConversationKey(string channel, string platformUserId) => $"{channel}\n{platformUserId}";
}
