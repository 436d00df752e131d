using CitizenBot.Escalation.Sla;

namespace CitizenBot.Escalation.Tests.Sla;

public sealed class SlaPolicyDurationTextTests
{
    [Theory]
    [InlineData("00:30:00", 0, 30, 0)]
    [InlineData("02:00:00", 2, 0, 0)]
    [InlineData("36:00:00", 36, 0, 0)]
    [InlineData("1.00:00:00", 24, 0, 0)]
    [InlineData("00:00:02", 0, 0, 2)]
    [InlineData("4h", 4, 0, 0)]
    [InlineData(" 4H ", 4, 0, 0)]
    [InlineData("30m", 0, 30, 0)]
    [InlineData("90m", 1, 30, 0)]
    public void TryParse_ReturnsClockTime_WhenClockText(string text, int hours, int minutes, int seconds)
    {
        Assert.True(SlaDurationText.TryParse(text, out var duration));
        Assert.Equal(SlaDuration.Clock(new TimeSpan(hours, minutes, seconds)), duration);
    }

    [Theory]
    [InlineData("1wd", 1)]
    [InlineData("3wd", 3)]
    [InlineData("10WD", 10)]
    public void TryParse_ReturnsWorkingDays_WhenWdSuffix(string text, int days)
    {
        Assert.True(SlaDurationText.TryParse(text, out var duration));
        Assert.Equal(SlaDuration.WorkingDays(days), duration);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("5x")]
    [InlineData("h")]
    [InlineData("wd")]
    [InlineData("0h")]
    [InlineData("0wd")]
    [InlineData("-1h")]
    [InlineData("+4h")]
    [InlineData("2.5h")]
    [InlineData("1.5wd")]
    [InlineData("3 wd")]
    [InlineData("3d")]
    [InlineData("1h30m")]
    [InlineData("00:00:00")]
    [InlineData("00:60:00")]
    [InlineData("00:5:00")]
    [InlineData("1:00")]
    [InlineData("1.24:00:00")]
    [InlineData("8761h")]
    [InlineData("251wd")]
    [InlineData("99999999999h")]
    public void TryParse_ReturnsFalse_WhenNotADuration(string? text) =>
        Assert.False(SlaDurationText.TryParse(text, out _));
}
