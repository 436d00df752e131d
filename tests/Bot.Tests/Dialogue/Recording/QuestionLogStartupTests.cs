using CitizenBot.Bot.Tests.Infrastructure;

namespace CitizenBot.Bot.Tests.Dialogue.Recording;

public sealed class QuestionLogStartupTests
{
    [Theory]
    [InlineData("Knowledge:QuestionLog:Retention", "00:00:01")]
    [InlineData("Knowledge:QuestionLog:Retention", "4000.00:00:00")]
    [InlineData("Knowledge:QuestionLog:FollowUpWindow", "2.00:00:00")]
    [InlineData("Knowledge:QuestionLog:ResidentKeySecret", "short")]
    public void Startup_Fails_WhenAQuestionLogSettingIsOutOfRange(string setting, string value)
    {
        using var data = new TempDirectory();
        using var factory = new BotApplicationFactory(data.Path, new Dictionary<string, string> { [setting] = value });

        var ex = Assert.ThrowsAny<Exception>(() => factory.CreateSocketClient().Dispose());

        Assert.Contains(setting.Split(':')[^1], ex.Message, StringComparison.Ordinal);
    }
}
