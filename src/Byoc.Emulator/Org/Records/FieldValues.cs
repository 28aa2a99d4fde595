using System.Globalization;
using System.Text.Json;
using Byoc.Emulator.Org.Ids;
using Byoc.Emulator.Org.Schema;

namespace Byoc.Emulator.Org.Records;

/// <summary>Converts incoming values (CLR values, JSON elements, text) to the canonical CLR type of a field.</summary>
internal static class FieldValues
{
    public static object? Coerce(SObjectDefinition type, FieldDefinition field, object? value)
    {
        if (value is JsonElement json)
        {
            value = FromJson(json);
        }

        if (value is null)
        {
            return field.Type == FieldType.Boolean ? false : null;
        }

        try
        {
            return field.Type switch
            {
                FieldType.Id or FieldType.Reference => CoerceId(type, field, value),
                FieldType.Boolean => value is string s ? bool.Parse(s) : Convert.ToBoolean(value, CultureInfo.InvariantCulture),
                FieldType.Int => Convert.ToInt64(value, CultureInfo.InvariantCulture),
                FieldType.Double => Convert.ToDouble(value, CultureInfo.InvariantCulture),
                FieldType.DateTime => CoerceDateTime(value),
                FieldType.Date => value is DateOnly d ? d : DateOnly.Parse(Convert.ToString(value, CultureInfo.InvariantCulture)!, CultureInfo.InvariantCulture),
                FieldType.Picklist => CoercePicklist(type, field, Convert.ToString(value, CultureInfo.InvariantCulture)!),
                _ => CoerceText(type, field, Convert.ToString(value, CultureInfo.InvariantCulture)!),
            };
        }
        catch (Exception e) when (e is FormatException or InvalidCastException or OverflowException)
        {
            throw new FieldValueException(type.Name, field.Name, $"value '{value}' is not a valid {field.Type.ToString().ToLowerInvariant()}");
        }
    }

    private static object? FromJson(JsonElement json) => json.ValueKind switch
    {
        JsonValueKind.Null or JsonValueKind.Undefined => null,
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        JsonValueKind.Number => json.TryGetInt64(out var l) ? l : json.GetDouble(),
        JsonValueKind.String => json.GetString(),
        _ => throw new InvalidCastException(),
    };

    private static string CoerceId(SObjectDefinition type, FieldDefinition field, object value)
    {
        var text = Convert.ToString(value, CultureInfo.InvariantCulture)!;
        if (!SalesforceId.TryNormalize(text, out var id))
        {
            throw new FieldValueException(type.Name, field.Name, $"'{text}' is not a valid Salesforce id");
        }

        return id;
    }

    private static DateTimeOffset CoerceDateTime(object value) => value switch
    {
        DateTimeOffset dto => dto.ToUniversalTime(),
        DateTime dt => new DateTimeOffset(DateTime.SpecifyKind(dt, DateTimeKind.Utc)),
        long ms => DateTimeOffset.FromUnixTimeMilliseconds(ms),
        _ => DateTimeOffset.Parse(Convert.ToString(value, CultureInfo.InvariantCulture)!, CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal).ToUniversalTime(),
    };

    private static string CoercePicklist(SObjectDefinition type, FieldDefinition field, string value)
    {
        var match = field.PicklistValues.FirstOrDefault(v => string.Equals(v, value, StringComparison.OrdinalIgnoreCase));
        if (match is null && !field.RestrictedPicklist)
        {
            return CoerceText(type, field, value);
        }

        return match ?? throw new FieldValueException(type.Name, field.Name, $"bad value for restricted picklist field: {value}");
    }

    private static string CoerceText(SObjectDefinition type, FieldDefinition field, string value)
    {
        if (field.Length > 0 && value.Length > field.Length)
        {
            throw new FieldValueException(type.Name, field.Name, $"data value too large: max length={field.Length}");
        }

        return value;
    }
}
