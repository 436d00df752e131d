using System.Net;
using CitizenBot.Bot.Tests.Infrastructure;

namespace CitizenBot.Bot.Tests.Auth;

/// <summary>Throttling of password guessing, and start-up without a seed password.</summary>
public sealed class AccountLockoutTests
{
    [Fact]
    public async Task Account_IsLockedAfterTooManyWrongPasswords_EvenForTheRightOne()
    {
        using var data = new TempDirectory();
        await using var factory = new BotApplicationFactory(data.Path, new Dictionary<string, string>
        {
            ["Knowledge:ImportOnFirstStart"] = "false",
            ["Auth:MaxFailedAttempts"] = "2",
            ["Auth:LockoutDuration"] = "00:10:00",
        });
        using var client = factory.CreateSocketClient();

        using var first = await client.RequestTokenAsync(StaffApi.GridWorker, "guess-1");
        using var second = await client.RequestTokenAsync(StaffApi.GridWorker, "guess-2");
        using var right = await client.RequestTokenAsync(StaffApi.GridWorker, StaffApi.SeedPassword);
        using var otherAccount = await client.RequestTokenAsync(StaffApi.OtherGridWorker, StaffApi.SeedPassword);

        Assert.Equal(HttpStatusCode.Unauthorized, first.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, second.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, right.StatusCode);
        Assert.Contains("锁定", (await right.ReadJsonAsync()).Text("title"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, otherAccount.StatusCode);
    }

    [Fact]
    public async Task Startup_FailsWithAClearMessage_WhenAccountsNeedASeedPasswordAndNoneIsSet()
    {
        using var data = new TempDirectory();
        await using var factory = new BotApplicationFactory(data.Path, new Dictionary<string, string>
        {
            ["Knowledge:ImportOnFirstStart"] = "false",
            ["Auth:SeedPassword"] = "",
        });

        var ex = Assert.Throws<InvalidOperationException>(() => factory.CreateSocketClient().Dispose());

        Assert.Contains("Auth:SeedPassword", ex.Message, StringComparison.Ordinal);
    }
}
