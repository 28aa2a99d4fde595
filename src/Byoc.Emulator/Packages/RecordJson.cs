using System.Globalization;
using System.Text;
using System.Text.Json;
using Byoc.Emulator.Org.Records;
using Byoc.Emulator.Org.Schema;

namespace Byoc.Emulator.Packages;

/// <summary>
/// A record as the REST sObject GET returns it: <c>attributes</c>, then every field in describe order. Text fields
/// holding a JSON object (a Tooling complex type such as <c>PackageInstallRequest.Errors</c>) are written as that object.
/// </summary>
internal static class RecordJson
{
    public static string Write(SObjectRecord record, string version, bool tooling)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteStartObject("attributes");
            json.WriteString("type", record.ObjectName);
            json.WriteString("url", $"/services/data/{version}/{(tooling ? "tooling/" : "")}sobjects/{record.ObjectName}/{record.Id}");
            json.WriteEndObject();
            foreach (var field in record.Type.Fields)
            {
                json.WritePropertyName(field.Name);
                WriteValue(json, field, record[field.Name]);
            }

            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static void WriteValue(Utf8JsonWriter json, FieldDefinition field, object? value)
    {
        switch (value)
        {
            case null:
                json.WriteNullValue();
                break;
            case bool b:
                json.WriteBooleanValue(b);
                break;
            case long l:
                json.WriteNumberValue(l);
                break;
            case double d:
                json.WriteNumberValue(d);
                break;
            case DateTimeOffset t:
                json.WriteStringValue(t.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fff'+0000'", CultureInfo.InvariantCulture));
                break;
            case DateOnly d:
                json.WriteStringValue(d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                break;
            case string s when field.Type == FieldType.TextArea && s.StartsWith('{'):
                json.WriteRawValue(s);
                break;
            default:
                json.WriteStringValue(Convert.ToString(value, CultureInfo.InvariantCulture));
                break;
        }
    }
}
