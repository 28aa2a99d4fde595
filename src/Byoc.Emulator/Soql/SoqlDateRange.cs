namespace Byoc.Emulator.Soql;

/// <summary>A relative date literal (<c>TODAY</c>, <c>LAST_N_DAYS:7</c>) as the half-open day range [Start, End) it covers.</summary>
internal readonly record struct SoqlDateRange(DateOnly Start, DateOnly End)
{
    /// <summary>
    /// Resolves a keyword at the given instant. Days are UTC days (the seeded org's time zone is GMT) and weeks start on
    /// Sunday (the en_US locale), as the SOQL reference "Date Formats and Date Literals" describes.
    /// </summary>
    public static SoqlDateRange For(string keyword, int n, DateTimeOffset now)
    {
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var week = today.AddDays(-(int)today.DayOfWeek);
        var month = new DateOnly(today.Year, today.Month, 1);
        var year = new DateOnly(today.Year, 1, 1);
        return keyword switch
        {
            "TODAY" => new(today, today.AddDays(1)),
            "YESTERDAY" => new(today.AddDays(-1), today),
            "TOMORROW" => new(today.AddDays(1), today.AddDays(2)),
            "THIS_WEEK" => new(week, week.AddDays(7)),
            "LAST_WEEK" => new(week.AddDays(-7), week),
            "NEXT_WEEK" => new(week.AddDays(7), week.AddDays(14)),
            "THIS_MONTH" => new(month, month.AddMonths(1)),
            "LAST_MONTH" => new(month.AddMonths(-1), month),
            "NEXT_MONTH" => new(month.AddMonths(1), month.AddMonths(2)),
            "THIS_YEAR" => new(year, year.AddYears(1)),
            "LAST_YEAR" => new(year.AddYears(-1), year),
            "NEXT_YEAR" => new(year.AddYears(1), year.AddYears(2)),
            "LAST_90_DAYS" => new(today.AddDays(-90), today.AddDays(1)),
            "NEXT_90_DAYS" => new(today.AddDays(1), today.AddDays(91)),
            "LAST_N_DAYS" => new(today.AddDays(-n), today.AddDays(1)),
            "NEXT_N_DAYS" => new(today.AddDays(1), today.AddDays(n + 1)),
            "N_DAYS_AGO" => new(today.AddDays(-n), today.AddDays(-n + 1)),
            "LAST_N_WEEKS" => new(week.AddDays(-7 * n), week),
            "NEXT_N_WEEKS" => new(week.AddDays(7), week.AddDays(7 * (n + 1))),
            "LAST_N_MONTHS" => new(month.AddMonths(-n), month),
            "NEXT_N_MONTHS" => new(month.AddMonths(1), month.AddMonths(n + 1)),
            _ => throw new ArgumentOutOfRangeException(nameof(keyword), keyword, "Unknown date literal."),
        };
    }

    public static DateTimeOffset StartOf(DateOnly day) => new(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
}
