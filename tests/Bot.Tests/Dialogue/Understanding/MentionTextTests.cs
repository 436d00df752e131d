using CitizenBot.Bot.Dialogue.Understanding;

namespace CitizenBot.Bot.Tests.Dialogue.Understanding;

public sealed class MentionTextTests
{
    private static readonly string[] BotNames = ["百事通", "小百"];

    [Theory]
    [InlineData("@百事通 暖气不热找谁", "暖气不热找谁")]
    [InlineData("@百事通\u2005暖气不热找谁", "暖气不热找谁")]
    [InlineData("@百事通，暖气不热找谁", "暖气不热找谁")]
    [InlineData("@百事通、暖气不热找谁", "暖气不热找谁")]
    [InlineData("＠百事通 暖气不热找谁", "暖气不热找谁")]
    [InlineData("@百事通暖气不热找谁", "暖气不热找谁")]
    [InlineData("暖气不热找谁 @百事通", "暖气不热找谁")]
    [InlineData("@小百 在吗", "在吗")]
    [InlineData("@百事通", "")]
    public void Strip_RemovesBotMention_WhenBotAddressed(string text, string rest)
    {
        var stripped = MentionText.Strip(text, BotNames, out var addressed, out var others);

        Assert.Equal(rest, stripped);
        Assert.True(addressed);
        Assert.Empty(others);
    }

    [Fact]
    public void Strip_ListsOtherMentions_WhenResidentsAreMentioned()
    {
        var stripped = MentionText.Strip("@张三\u2005@百事通 @李四 楼道灯坏了", BotNames, out var addressed, out var others);

        Assert.Equal("楼道灯坏了", stripped.Trim());
        Assert.True(addressed);
        Assert.Equal(["张三", "李四"], others);
    }

    [Fact]
    public void Strip_NotAddressed_WhenOnlyOthersMentioned()
    {
        var stripped = MentionText.Strip("@王阿姨 您家也停水了吗", BotNames, out var addressed, out var others);

        Assert.Equal("您家也停水了吗", stripped);
        Assert.False(addressed);
        Assert.Equal(["王阿姨"], others);
    }

    [Theory]
    [InlineData("我的邮箱是abc@qq.com")]
    [InlineData("百事通你好")]
    [InlineData("电话 @ 前台")]
    public void Strip_KeepsText_WhenNoMention(string text)
    {
        var stripped = MentionText.Strip(text, BotNames, out var addressed, out var others);

        Assert.Equal(text, stripped);
        Assert.False(addressed);
        Assert.Empty(others);
    }
}
