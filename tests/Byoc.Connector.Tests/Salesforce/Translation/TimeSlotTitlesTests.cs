using Byoc.Connector.Salesforce.Translation;

namespace Byoc.Connector.Tests.Salesforce.Translation;

public sealed class TimeSlotTitlesTests
{
    private static readonly DateTimeOffset s_start = new(2026, 11, 24, 23, 30, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(null, "Tue 24 Nov, 23:30 UTC")]
    [InlineData(0, "Tue 24 Nov, 23:30")]
    [InlineData(60, "Wed 25 Nov, 00:30")]
    [InlineData(-480, "Tue 24 Nov, 15:30")]
    [InlineData(330, "Wed 25 Nov, 05:00")]
    public void Format_TimezoneOffsetInMinutes_LocalStartInvariant24Hour(int? timezoneOffset, string expected) =>
        Assert.Equal(expected, TimeSlotTitles.Format(s_start, timezoneOffset));

    [Fact]
    public void Format_StartWithOtherOffsetAndNoTimezone_ShownInUtc() =>
        Assert.Equal("Tue 24 Nov, 18:00 UTC", TimeSlotTitles.Format(new DateTimeOffset(2026, 11, 24, 19, 0, 0, TimeSpan.FromHours(1)), null));
}
