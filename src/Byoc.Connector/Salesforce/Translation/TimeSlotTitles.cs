using System.Globalization;

namespace Byoc.Connector.Salesforce.Translation;

/// <summary>The title of a TimePicker time slot as the end user reads it: <c>Tue 24 Nov, 19:00</c> (invariant culture, 24-hour).</summary>
internal static class TimeSlotTitles
{
    /// <summary>
    /// The slot's start in the calendar event's time zone, or in UTC (saying so) when the event has no
    /// <paramref name="timezoneOffset"/>.
    /// </summary>
    /// <remarks>
    /// UNCONFIRMED: the unit of <c>timezoneOffset</c> is not documented (outbound-custom-event-payload.yaml,
    /// <c>AbstractCalendarEventItem.timezoneOffset</c>, an integer with no description); read as minutes east of UTC.
    /// </remarks>
    public static string Format(DateTimeOffset startTime, int? timezoneOffset) => timezoneOffset is { } minutes
        ? startTime.ToOffset(TimeSpan.FromMinutes(minutes)).ToString("ddd d MMM, HH:mm", CultureInfo.InvariantCulture)
        : startTime.ToUniversalTime().ToString("ddd d MMM, HH:mm 'UTC'", CultureInfo.InvariantCulture);
}
