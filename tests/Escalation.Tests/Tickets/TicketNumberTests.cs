using CitizenBot.Escalation.Tickets;

namespace CitizenBot.Escalation.Tests.Tickets;

public sealed class TicketNumberTests
{
    [Theory]
    [InlineData(2025, 3, 1, 7, "HQ-20250301-0007")]
    [InlineData(2025, 12, 31, 9999, "HQ-20251231-9999")]
    [InlineData(2026, 1, 1, 12345, "HQ-20260101-12345")]
    public void ToString_FormatsDateAndSequence_WhenCreated(int year, int month, int day, int sequence, string expected)
    {
        var number = TicketNumber.Create(new DateOnly(year, month, day), sequence);

        Assert.Equal(expected, number.ToString());
        Assert.Equal(number, TicketNumber.Parse(expected));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("HQ-20250301-007")]
    [InlineData("HQ-20250301-0000")]
    [InlineData("HQ-20250301-00007")]
    [InlineData("hq-20250301-0007")]
    [InlineData("XQ-20250301-0007")]
    [InlineData("HQ-20250230-0007")]
    [InlineData("HQ-2025031-00007")]
    [InlineData("HQ-20250301_0007")]
    [InlineData("HQ-20250301-0007 ")]
    [InlineData("HQ-20250301-+007")]
    [InlineData("HQ-20250301-٠٠٠٧")]
    [InlineData("HQ-20250301-99999999999")]
    public void TryParse_False_WhenMalformed(string? text)
    {
        Assert.False(TicketNumber.TryParse(text, out _));
        Assert.Throws<FormatException>(() => TicketNumber.Parse(text!));
    }

    [Fact]
    public void Create_Throws_WhenSequenceIsNotPositive() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => TicketNumber.Create(new DateOnly(2025, 3, 1), 0));
}
