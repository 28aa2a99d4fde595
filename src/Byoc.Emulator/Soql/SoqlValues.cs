using Byoc.Emulator.Org.Ids;

namespace Byoc.Emulator.Soql;

/// <summary>Orders and compares field values the way SOQL does: text case-insensitively, ids by their 15-character form.</summary>
internal static class SoqlValues
{
    /// <summary>Compares two non-null values of the same field type.</summary>
    public static int Compare(object left, object right) => (left, right) switch
    {
        (string a, string b) => string.Compare(a, b, StringComparison.OrdinalIgnoreCase),
        (bool a, bool b) => a.CompareTo(b),
        (DateTimeOffset a, DateTimeOffset b) => a.CompareTo(b),
        (DateOnly a, DateOnly b) => a.CompareTo(b),
        _ => ToDouble(left).CompareTo(ToDouble(right)),
    };

    public static bool IdEquals(object? value, string id18) => value is string s && SalesforceId.AreEqual(s, id18);

    /// <summary>Sort order of ORDER BY: nulls placed by <paramref name="nullsFirst"/>, regardless of direction.</summary>
    public static int CompareForSort(object? left, object? right, bool descending, bool nullsFirst)
    {
        if (left is null || right is null)
        {
            return left is null && right is null ? 0 : (left is null) == nullsFirst ? -1 : 1;
        }

        var result = Compare(left, right);
        return descending ? -result : result;
    }

    private static double ToDouble(object value) => value switch
    {
        long l => l,
        double d => d,
        decimal m => (double)m,
        int i => i,
        _ => double.NaN,
    };
}
