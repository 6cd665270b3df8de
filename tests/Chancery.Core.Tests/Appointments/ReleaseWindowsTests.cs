using Chancery.Core.Appointments;

namespace Chancery.Core.Tests.Appointments;

public sealed class ReleaseWindowsTests
{
    private static readonly TimeZoneInfo Paris = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");

    [Theory]
    [InlineData("08:00-12:00,14:00-18:00", "08:00-12:00,14:00-18:00")]
    [InlineData(" 14:00 - 18:00 , 8:00-12:00 ", "08:00-12:00,14:00-18:00")]
    [InlineData("00:00-23:59", "00:00-23:59")]
    public void Parse_WellFormed_GivesOrderedWindows(string text, string canonical)
    {
        var parsed = ReleaseWindows.Parse(text);

        Assert.True(parsed.IsSuccess);
        Assert.Equal(canonical, ReleaseWindows.Format(parsed.Value));
    }

    [Theory]
    [InlineData("", "at least one")]
    [InlineData("08:00", "HH:mm-HH:mm")]
    [InlineData("8h-12h", "HH:mm-HH:mm")]
    [InlineData("25:00-26:00", "HH:mm-HH:mm")]
    [InlineData("12:00-08:00", "start before it ends")]
    [InlineData("10:00-10:00", "start before it ends")]
    [InlineData("08:00-12:00,11:00-14:00", "overlap")]
    public void Parse_Malformed_SaysWhy(string text, string expected)
    {
        var parsed = ReleaseWindows.Parse(text);

        Assert.False(parsed.IsSuccess);
        Assert.Equal("releaseWindows", parsed.Error.Field);
        Assert.Contains(expected, parsed.Error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2027-01-15T06:00:00Z")] // winter, UTC+1
    [InlineData("2027-07-15T06:00:00Z")] // summer, UTC+2
    [InlineData("2027-03-27T20:00:00Z")] // the night the clocks go forward
    [InlineData("2027-10-30T20:00:00Z")] // the night they go back
    [InlineData("2027-01-15T11:55:00Z")] // inside a window, close to its end
    public void NextReleaseAt_IsAlwaysInsideAWindowOfThePostsLocalTime(string after)
    {
        var windows = ReleaseWindows.Parse("08:00-12:00,14:00-18:00").Value;
        var from = DateTime.Parse(after, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AdjustToUniversal);

        for (var i = 0; i < 500; i++)
        {
            var next = ReleaseWindows.NextReleaseAt(from, Paris, windows);

            Assert.Equal(DateTimeKind.Utc, next.Kind);
            Assert.True(next >= from + ReleaseWindows.MinimumGap, $"{next:O} is too soon after {from:O}");
            Assert.True(next < from.AddDays(2), $"{next:O} is too far after {from:O}");
            Assert.Equal(0, next.Ticks % TimeSpan.TicksPerSecond);
            var local = TimeOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(next, Paris));
            Assert.True(windows.Any(w => local >= w.Start && local < w.End), $"{local} (local) is outside the windows");
        }
    }

    [Fact]
    public void NextReleaseAt_InWinterAndSummer_FollowsTheLocalClockNotUtc()
    {
        var windows = ReleaseWindows.Parse("09:00-10:00").Value;

        var winter = ReleaseWindows.NextReleaseAt(new DateTime(2027, 1, 15, 0, 0, 0, DateTimeKind.Utc), Paris, windows);
        var summer = ReleaseWindows.NextReleaseAt(new DateTime(2027, 7, 15, 0, 0, 0, DateTimeKind.Utc), Paris, windows);

        Assert.InRange(winter, new DateTime(2027, 1, 15, 8, 0, 0, DateTimeKind.Utc), new DateTime(2027, 1, 15, 8, 59, 59, DateTimeKind.Utc));
        Assert.InRange(summer, new DateTime(2027, 7, 15, 7, 0, 0, DateTimeKind.Utc), new DateTime(2027, 7, 15, 7, 59, 59, DateTimeKind.Utc));
    }

    [Fact]
    public void NextReleaseAt_AfterTheLastWindowOfTheDay_IsInTheFirstWindowOfTheNextDay()
    {
        var windows = ReleaseWindows.Parse("08:00-12:00,14:00-18:00").Value;

        var next = ReleaseWindows.NextReleaseAt(new DateTime(2027, 1, 15, 17, 55, 0, DateTimeKind.Utc), Paris, windows);

        Assert.InRange(next, new DateTime(2027, 1, 16, 7, 0, 0, DateTimeKind.Utc), new DateTime(2027, 1, 16, 10, 59, 59, DateTimeKind.Utc));
    }

    [Fact]
    public void NextReleaseAt_IsSpreadOverMinutesAndSeconds_NotClusteredOnTheHourOrMinute()
    {
        var windows = ReleaseWindows.Parse("08:00-18:00").Value;
        var from = new DateTime(2027, 1, 15, 6, 0, 0, DateTimeKind.Utc);
        const int draws = 6000;

        var instants = Enumerable.Range(0, draws).Select(_ => ReleaseWindows.NextReleaseAt(from, Paris, windows)).ToList();

        // Every second of the minute and every minute of the hour turn up, each about as often as the others.
        var bySecond = instants.GroupBy(i => i.Second).ToDictionary(g => g.Key, g => g.Count());
        var byMinute = instants.GroupBy(i => i.Minute).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(60, bySecond.Count);
        Assert.Equal(60, byMinute.Count);
        Assert.All(bySecond.Values, n => Assert.InRange(n, 50, 160)); // expected 100
        Assert.All(byMinute.Values, n => Assert.InRange(n, 50, 160));
        Assert.InRange(instants.Count(i => i is { Minute: 0, Second: 0 }), 0, 5);
        // And spread over the whole window, not bunched at its start.
        var hours = instants.Select(i => TimeZoneInfo.ConvertTimeFromUtc(i, Paris).Hour).ToHashSet();
        Assert.Equal(Enumerable.Range(8, 10).ToHashSet(), hours);
        Assert.True(instants.Distinct().Count() > draws * 0.8);
    }
}
