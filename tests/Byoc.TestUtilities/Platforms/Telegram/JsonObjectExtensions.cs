using System.Text.Json.Nodes;

namespace Byoc.TestUtilities.Platforms.Telegram;

internal static class JsonObjectExtensions
{
    /// <summary>Applies <paramref name="change"/> and returns the same object, to build JSON in one expression.</summary>
    public static JsonObject Also(this JsonObject json, Action<JsonObject> change)
    {
        change(json);
        return json;
    }
}
