using System.Globalization;

namespace Byoc.Emulator.Apex;

/// <summary>How runtime values print (<c>System.debug</c>, string concatenation) and compare.</summary>
internal static class ApexValues
{
    public static string Format(object? value) => value switch
    {
        null => "null",
        bool b => b ? "true" : "false",
        DateTimeOffset d => d.ToUniversalTime().ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        double d => d.ToString(CultureInfo.InvariantCulture),
        List<ApexSObject> list => $"({string.Join(", ", list.Select(Format))})",
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "null",
    };

    /// <summary>Apex <c>==</c>: strings compare case-insensitively; ids compare in either 15- or 18-character form.</summary>
    public static bool AreEqual(object? left, object? right)
    {
        if (left is null || right is null)
        {
            return left is null && right is null;
        }

        if (left is string l && right is string r)
        {
            if (l.Length != r.Length && Org.Ids.SalesforceId.TryNormalize(l, out var l18) && Org.Ids.SalesforceId.TryNormalize(r, out var r18))
            {
                return string.Equals(l18, r18, StringComparison.Ordinal);
            }

            return string.Equals(l, r, StringComparison.OrdinalIgnoreCase);
        }

        if (IsNumber(left) && IsNumber(right))
        {
            return Convert.ToDecimal(left, CultureInfo.InvariantCulture) == Convert.ToDecimal(right, CultureInfo.InvariantCulture);
        }

        return ReferenceEquals(left, right) || left.Equals(right);
    }

    public static bool IsNumber(object? value) => value is long or int or double or decimal;
}
