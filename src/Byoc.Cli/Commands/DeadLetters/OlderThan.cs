using System.Globalization;

namespace Byoc.Cli.Commands.DeadLetters;

/// <summary>Reads <c>--older-than</c>: an age such as <c>30m</c>, <c>12h</c> or <c>7d</c>, or an ISO 8601 time.</summary>
internal static class OlderThan
{
    public static bool TryParse(string text, DateTimeOffset now, out DateTimeOffset cutoff)
    {
        cutoff = default;
        if (text.Length >= 2 && double.TryParse(text[..^1], NumberStyles.Float, CultureInfo.InvariantCulture, out var amount) && amount >= 0)
        {
            TimeSpan? age = text[^1] switch
            {
                'm' => TimeSpan.FromMinutes(amount),
                'h' => TimeSpan.FromHours(amount),
                'd' => TimeSpan.FromDays(amount),
                _ => null,
            };
            if (age is { } value)
            {
                cutoff = now - value;
                return true;
            }
        }

        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out cutoff);
    }
}
