using System.Globalization;
using Byoc.Emulator.Conversations;

namespace Byoc.Emulator.Agents;

/// <summary>
/// Time slots a question offers (a TimePicker where the channel registered it, else choices titled with the times): the
/// local <see cref="Times"/> of the date being booked, each <see cref="Minutes"/> long.
/// </summary>
internal sealed class TimePickerDefinition
{
    /// <summary>Local start times, <c>HH:mm</c>.</summary>
    public List<string> Times { get; set; } = [];

    public int Minutes { get; set; } = 90;

    /// <summary>The restaurant's offset from UTC in minutes (east positive), sent as <c>timezoneOffset</c>; null sends none (UTC).</summary>
    public int? TimezoneOffset { get; set; }

    /// <summary>The slots on <paramref name="date"/>: identifier <c>slot-HHmm</c>, title <c>HH:mm</c>.</summary>
    public IReadOnlyList<ChoiceOption> Options(DateOnly date)
    {
        var offset = TimeSpan.FromMinutes(TimezoneOffset ?? 0);
        return [.. Times.Select(t => TimeOnly.ParseExact(t, "HH:mm", CultureInfo.InvariantCulture)).Select(time => new ChoiceOption(
            Identifier(time), time.ToString("HH:mm", CultureInfo.InvariantCulture),
            new TimeSlot(new DateTimeOffset(date.ToDateTime(time), offset), TimeSpan.FromMinutes(Minutes))))];
    }

    /// <summary>The <c>HH:mm</c> time of the slot an option identifier names, or null when it names none of <see cref="Times"/>.</summary>
    public string? TimeOf(string? optionIdentifier) =>
        Times.FirstOrDefault(t => Identifier(TimeOnly.ParseExact(t, "HH:mm", CultureInfo.InvariantCulture)) == optionIdentifier);

    /// <summary>Today where the restaurant is.</summary>
    public DateOnly Today(DateTimeOffset now) => DateOnly.FromDateTime(now.ToOffset(TimeSpan.FromMinutes(TimezoneOffset ?? 0)).DateTime);

    private static string Identifier(TimeOnly time) => "slot-" + time.ToString("HHmm", CultureInfo.InvariantCulture);
}
