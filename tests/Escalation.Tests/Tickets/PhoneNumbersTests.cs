using CitizenBot.Escalation.Tickets;

namespace CitizenBot.Escalation.Tests.Tickets;

public sealed class PhoneNumbersTests
{
    [Theory]
    [InlineData("13800001234", "13800001234")]
    [InlineData("138 0000 1234", "13800001234")]
    [InlineData("+86 138-0000-1234", "13800001234")]
    [InlineData("１３８００００１２３４", "13800001234")]
    [InlineData("022-26281234", "022-26281234")]
    [InlineData("02226281234", "022-26281234")]
    [InlineData("0571-8765432", "0571-8765432")]
    public void TryNormalize_AcceptsMobilesAndLandlines(string input, string expected)
    {
        Assert.True(PhoneNumbers.TryNormalize(input, out var normalized));
        Assert.Equal(expected, normalized);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("12345")]
    [InlineData("12800001234")]
    [InlineData("1380000123")]
    [InlineData("26281234")]
    [InlineData("abc13800001234")]
    public void TryNormalize_RefusesWhatCannotBeCalled(string? input)
    {
        Assert.False(PhoneNumbers.TryNormalize(input, out _));
    }
}
