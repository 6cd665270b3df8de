using Chancery.Core.Screening.Import;

namespace Chancery.Core.Tests.Screening.Import;

public sealed class ParsedBirthDateTests
{
    [Theory]
    [InlineData("1960-01-12", 1960, 1960, 1, 12, false)]
    [InlineData("1960-01", 1960, 1960, 1, null, false)]
    [InlineData("1960", 1960, 1960, null, null, false)]
    [InlineData("~1960", 1960, 1960, null, null, true)]
    [InlineData("1955..1960", 1955, 1960, null, null, false)]
    public void TryParse_WrittenForm_ReadsItAndWritesItBack(string text, int from, int to, int? month, int? day, bool approximate)
    {
        Assert.True(ParsedBirthDate.TryParse(text, out var date));

        Assert.Equal((from, to, month, day, approximate), (date!.FromYear, date.ToYear, date.Month, date.Day, date.Approximate));
        Assert.Equal(text, date.ToString());
    }

    [Theory]
    [InlineData("")]
    [InlineData("60")]
    [InlineData("1960-1-12")]
    [InlineData("1960-13")]
    [InlineData("1961-02-29")]
    [InlineData("1960..1955")]
    [InlineData("~1960-01")]
    [InlineData("12 Jan 1960")]
    [InlineData("0999")]
    public void TryParse_AnythingElse_IsFalse(string text)
    {
        Assert.False(ParsedBirthDate.TryParse(text, out var date));
        Assert.Null(date);
    }
}
