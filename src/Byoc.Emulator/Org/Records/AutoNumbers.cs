using System.Globalization;

namespace Byoc.Emulator.Org.Records;

/// <summary>Auto-number display formats: literal text around one <c>{000…}</c> block, the number zero-padded to its width.</summary>
internal static class AutoNumbers
{
    public static string Format(string format, long number)
    {
        var open = format.IndexOf('{', StringComparison.Ordinal);
        var close = format.IndexOf('}', StringComparison.Ordinal);
        if (open < 0 || close < open)
        {
            return format + number.ToString(CultureInfo.InvariantCulture);
        }

        var digits = number.ToString(CultureInfo.InvariantCulture).PadLeft(close - open - 1, '0');
        return string.Concat(format.AsSpan(0, open), digits, format.AsSpan(close + 1));
    }

    /// <summary>The number in a formatted value (its last run of digits), or 0.</summary>
    public static long Parse(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return 0;
        }

        var end = value.Length;
        while (end > 0 && !char.IsAsciiDigit(value[end - 1]))
        {
            end--;
        }

        var start = end;
        while (start > 0 && char.IsAsciiDigit(value[start - 1]))
        {
            start--;
        }

        return long.TryParse(value.AsSpan(start, end - start), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0;
    }
}
