using System.Globalization;
using System.Text.Json.Nodes;

namespace Byoc.Emulator.Rest;

/// <summary>Field values as Salesforce's JSON shows them: datetimes <c>yyyy-MM-ddTHH:mm:ss.fff+0000</c>, dates <c>yyyy-MM-dd</c>.</summary>
internal static class RestValues
{
    public static JsonNode? ToJson(object? value) => value switch
    {
        null => null,
        string s => JsonValue.Create(s),
        bool b => JsonValue.Create(b),
        long l => JsonValue.Create(l),
        int i => JsonValue.Create(i),
        double d => JsonValue.Create(d),
        DateTimeOffset dto => JsonValue.Create(FormatDateTime(dto)),
        DateOnly date => JsonValue.Create(date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
        _ => JsonValue.Create(Convert.ToString(value, CultureInfo.InvariantCulture)),
    };

    public static string FormatDateTime(DateTimeOffset value) =>
        value.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fff'+0000'", CultureInfo.InvariantCulture);
}
