using CitizenBot.Escalation.Sla;

namespace CitizenBot.Escalation.Tests.Sla;

public sealed class SlaDurationTests
{
    [Fact]
    public void Clock_Throws_WhenNotPositive() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => SlaDuration.Clock(TimeSpan.Zero));

    [Fact]
    public void WorkingDays_Throws_WhenLessThanOne() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => SlaDuration.WorkingDays(0));

    [Fact]
    public void Equals_True_WhenSameKindAndAmount()
    {
        Assert.Equal(SlaDuration.WorkingDays(3), SlaDuration.WorkingDays(3));
        Assert.NotEqual(SlaDuration.Clock(TimeSpan.FromDays(3)), SlaDuration.WorkingDays(3));
        Assert.Equal("2h", SlaDuration.Clock(TimeSpan.FromHours(2)).ToString());
        Assert.Equal("3 working days", SlaDuration.WorkingDays(3).ToString());
    }
}
