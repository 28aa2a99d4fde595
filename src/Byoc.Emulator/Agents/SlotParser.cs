using System.Globalization;
using System.Text.RegularExpressions;

namespace Byoc.Emulator.Agents;

/// <summary>Parses an answer for a slot type into its canonical text (numbers, ISO dates, HH:mm times, references).</summary>
internal static partial class SlotParser
{
    private static readonly string[] s_numberWords = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve"];

    public static string? Parse(SlotDefinition slot, string text, DateOnly today)
    {
        var trimmed = text.Trim();
        return slot.Type switch
        {
            "number" => ParseNumber(trimmed) is { } n && n >= slot.Min && n <= slot.Max ? n.ToString(CultureInfo.InvariantCulture) : null,
            "date" => ParseDate(trimmed, today)?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            "time" => ParseTime(trimmed)?.ToString("HH:mm", CultureInfo.InvariantCulture),
            "reference" => ReferencePattern().Match(trimmed) is { Success: true } m ? $"RES-{m.Groups[1].Value}" : null,
            _ => trimmed.Length is > 0 and <= 80 ? trimmed : null,
        };
    }

    private static int? ParseNumber(string text)
    {
        if (NumberPattern().Match(text) is { Success: true } digits)
        {
            return int.Parse(digits.Value, CultureInfo.InvariantCulture);
        }

        var words = text.ToLowerInvariant().Split([' ', ',', '.', '!'], StringSplitOptions.RemoveEmptyEntries);
        var index = Array.FindIndex(s_numberWords, w => words.Contains(w));
        return index >= 0 ? index : null;
    }

    private static DateOnly? ParseDate(string text, DateOnly today)
    {
        var lower = text.ToLowerInvariant();
        if (lower.Contains("today", StringComparison.Ordinal) || lower.Contains("tonight", StringComparison.Ordinal))
        {
            return today;
        }

        if (lower.Contains("tomorrow", StringComparison.Ordinal))
        {
            return today.AddDays(1);
        }

        if (IsoDatePattern().Match(text) is { Success: true } iso &&
            DateOnly.TryParseExact(iso.Value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        return DateOnly.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed) ? parsed : null;
    }

    private static TimeOnly? ParseTime(string text)
    {
        var match = TimePattern().Match(text);
        if (!match.Success)
        {
            return null;
        }

        var hour = int.Parse(match.Groups["h"].Value, CultureInfo.InvariantCulture);
        var minute = match.Groups["m"].Success ? int.Parse(match.Groups["m"].Value, CultureInfo.InvariantCulture) : 0;
        var meridiem = match.Groups["ampm"].Value.ToLowerInvariant();
        if (meridiem == "pm" && hour < 12)
        {
            hour += 12;
        }
        else if (meridiem == "am" && hour == 12)
        {
            hour = 0;
        }

        if (!match.Groups["m"].Success && meridiem.Length == 0)
        {
            return null;
        }

        return hour is >= 0 and < 24 && minute is >= 0 and < 60 ? new TimeOnly(hour, minute) : null;
    }

    [GeneratedRegex(@"\b\d{1,3}\b")]
    private static partial Regex NumberPattern();

    [GeneratedRegex(@"\b\d{4}-\d{2}-\d{2}\b")]
    private static partial Regex IsoDatePattern();

    [GeneratedRegex(@"\b(?<h>\d{1,2})(?:[:.h](?<m>\d{2}))?\s*(?<ampm>am|pm)?\b", RegexOptions.IgnoreCase)]
    private static partial Regex TimePattern();

    [GeneratedRegex(@"\bRES-?(\d{3,6})\b", RegexOptions.IgnoreCase)]
    private static partial Regex ReferencePattern();
}
