using CitizenBot.Escalation.Tickets;

namespace CitizenBot.Escalation.Tests.Tickets;

public sealed class PhoneMaskTests
{
    [Theory]
    [InlineData("13800000000", "138****0000")]
    [InlineData("+86 138 0000 0000", "138****0000")]
    [InlineData("022-26781234", "022-****1234")]
    [InlineData("02226781234", "022-****1234")]
    [InlineData("010-8888 1234", "010-****1234")]
    [InlineData("0571-87651234", "0571-****1234")]
    [InlineData("26781234", "****1234")]
    [InlineData("12345", "****2345")]
    [InlineData("123", "****")]
    public void Mask_HidesTheMiddle_WhenGivenChinesePhones(string phone, string expected) =>
        Assert.Equal(expected, PhoneMask.Mask(phone));

    [Fact]
    public void Reporter_ToStringShowsOnlyTheMaskedPhone()
    {
        var reporter = new Reporter("wx-1", "13812345678");

        Assert.DoesNotContain("13812345678", reporter.ToString(), StringComparison.Ordinal);
        Assert.Contains("138****5678", reporter.ToString(), StringComparison.Ordinal);
        Assert.Null(new Reporter("wx-2", null).MaskedPhone);
    }
}
