using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Byoc.Emulator.Events;

/// <summary>
/// Writes the JSON text of a platform event's payload field with only the escapes JSON requires (RFC 8259 §7: quotation mark,
/// reverse solidus and control characters): every other character, non-ASCII, HTML-sensitive or outside the BMP, is written
/// as itself. System.Text.Json's encoders cannot do that (even <c>UnsafeRelaxedJsonEscaping</c> escapes emoji and U+2028), and
/// the escaped form is larger and unlike what the platform sends.
/// </summary>
internal static class EventPayloadJson
{
    public static string Write(JsonNode? node)
    {
        var builder = new StringBuilder();
        Append(builder, node);
        return builder.ToString();
    }

    private static void Append(StringBuilder builder, JsonNode? node)
    {
        switch (node)
        {
            case null:
                builder.Append("null");
                break;
            case JsonObject obj:
                builder.Append('{');
                var firstMember = true;
                foreach (var (name, value) in obj)
                {
                    builder.Append(firstMember ? "" : ",");
                    firstMember = false;
                    AppendString(builder, name);
                    builder.Append(':');
                    Append(builder, value);
                }

                builder.Append('}');
                break;
            case JsonArray array:
                builder.Append('[');
                for (var i = 0; i < array.Count; i++)
                {
                    builder.Append(i == 0 ? "" : ",");
                    Append(builder, array[i]);
                }

                builder.Append(']');
                break;
            default:
                if (node.GetValueKind() == JsonValueKind.String)
                {
                    AppendString(builder, node.GetValue<string>());
                }
                else
                {
                    // Numbers, booleans: their JSON text has nothing to escape.
                    builder.Append(node.ToJsonString());
                }

                break;
        }
    }

    private static void AppendString(StringBuilder builder, string value)
    {
        builder.Append('"');
        foreach (var c in value)
        {
            switch (c)
            {
                case '"':
                    builder.Append("\\\"");
                    break;
                case '\\':
                    builder.Append("\\\\");
                    break;
                case '\n':
                    builder.Append("\\n");
                    break;
                case '\r':
                    builder.Append("\\r");
                    break;
                case '\t':
                    builder.Append("\\t");
                    break;
                case '\b':
                    builder.Append("\\b");
                    break;
                case '\f':
                    builder.Append("\\f");
                    break;
                case < ' ':
                    builder.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
                    break;
                default:
                    builder.Append(c);
                    break;
            }
        }

        builder.Append('"');
    }
}
