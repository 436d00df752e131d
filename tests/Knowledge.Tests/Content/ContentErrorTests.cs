using CitizenBot.Knowledge.Content;

namespace CitizenBot.Knowledge.Tests.Content;

public sealed class ContentErrorTests
{
    [Fact]
    public void ToString_ReturnsFileLineAndMessage_WhenFormatted() =>
        Assert.Equal("faq/heating/heating-01.md:3: bad", new ContentError("faq/heating/heating-01.md", 3, "bad").ToString());

    [Fact]
    public void IsValid_ReturnsFalse_WhenAnyErrorIsPresent()
    {
        Assert.True(new ContentLoadResult([], []).IsValid);
        Assert.False(new ContentLoadResult([], [new ContentError("a.md", 0, "bad")]).IsValid);
    }
}
