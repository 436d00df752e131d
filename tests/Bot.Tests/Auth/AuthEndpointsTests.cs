using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using CitizenBot.Bot.Tests.Infrastructure;

namespace CitizenBot.Bot.Tests.Auth;

/// <summary>Staff sign-in over real Kestrel: tokens, refusals, lockout and password changes.</summary>
public sealed class AuthEndpointsTests(TicketServiceFixture service) : IClassFixture<TicketServiceFixture>
{
    [Fact]
    public async Task Token_IsIssued_ForAnOrgPersonWithTheSeedPassword()
    {
        using var client = service.Factory.CreateSocketClient();

        using var response = await client.RequestTokenAsync(StaffApi.District, StaffApi.SeedPassword);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.ReadJsonAsync();
        Assert.False(string.IsNullOrEmpty(body.Text("token")));
        var user = body.GetProperty("user");
        Assert.Equal("district", user.Text("id"));
        Assert.Equal("district", user.Text("level"));
        Assert.True(user.GetProperty("mustChangePassword").GetBoolean());
    }

    [Fact]
    public async Task Token_IsRefusedAlike_ForAWrongPasswordAndAnUnknownUser()
    {
        using var client = service.Factory.CreateSocketClient();

        using var wrongPassword = await client.RequestTokenAsync(StaffApi.CommunityStaff, "not-the-password");
        using var unknownUser = await client.RequestTokenAsync("nobody-here", StaffApi.SeedPassword);

        Assert.Equal(HttpStatusCode.Unauthorized, wrongPassword.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, unknownUser.StatusCode);
        Assert.Equal((await wrongPassword.ReadJsonAsync()).Text("title"), (await unknownUser.ReadJsonAsync()).Text("title"));
    }

    [Fact]
    public async Task Token_IsRefusedWithFieldErrors_WhenUserOrPasswordIsMissing()
    {
        using var client = service.Factory.CreateSocketClient();

        using var response = await client.PostAsJsonAsync("api/auth/token", new { user = " " });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.ReadJsonAsync();
        Assert.NotEmpty(problem.ValidationErrors("user"));
        Assert.NotEmpty(problem.ValidationErrors("password"));
    }

    [Fact]
    public async Task TicketApi_Answers401_WithoutATokenOrWithAForgedOne()
    {
        using var anonymous = service.Factory.CreateSocketClient();
        using var forged = service.Factory.CreateSocketClient();
        forged.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "CfDJ8-forged-token");

        using var withoutToken = await anonymous.GetAsync(new Uri("api/tickets", UriKind.Relative));
        using var withForgedToken = await forged.GetAsync(new Uri("api/tickets", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Unauthorized, withoutToken.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, withForgedToken.StatusCode);
    }

    [Fact]
    public async Task Me_DescribesTheTokensPerson()
    {
        using var client = await service.Factory.SignInAsync(StaffApi.GridWorker);

        var me = await (await client.GetAsync(new Uri("api/auth/me", UriKind.Relative))).ReadJsonAsync();

        Assert.Equal(StaffApi.GridWorker, me.Text("id"));
        Assert.Equal("gridWorker", me.Text("role"));
        Assert.Equal(StaffApi.Grid, me.Text("nodeId"));
        Assert.Equal("子牙社区第1网格", me.Text("nodeName"));
    }

    [Fact]
    public async Task ChangedPassword_ReplacesTheSeed_AndSurvivesARestartOfTheStore()
    {
        const string user = "w-xyz-01-03";
        using var client = await service.Factory.SignInAsync(user);

        using var change = await client.PostAsJsonAsync("api/auth/password", new { currentPassword = StaffApi.SeedPassword, newPassword = "子牙第三网格-新密码" });
        Assert.Equal(HttpStatusCode.NoContent, change.StatusCode);

        using var anonymous = service.Factory.CreateSocketClient();
        using var withSeed = await anonymous.RequestTokenAsync(user, StaffApi.SeedPassword);
        using var withNew = await anonymous.RequestTokenAsync(user, "子牙第三网格-新密码");
        Assert.Equal(HttpStatusCode.Unauthorized, withSeed.StatusCode);
        Assert.Equal(HttpStatusCode.OK, withNew.StatusCode);
        Assert.False((await withNew.ReadJsonAsync()).GetProperty("user").GetProperty("mustChangePassword").GetBoolean());
    }

    [Fact]
    public async Task ChangePassword_RefusesAShortNewPassword_AndAWrongCurrentOne()
    {
        using var client = await service.Factory.SignInAsync("w-xyz-02-01");

        using var tooShort = await client.PostAsJsonAsync("api/auth/password", new { currentPassword = StaffApi.SeedPassword, newPassword = "short" });
        using var wrongCurrent = await client.PostAsJsonAsync("api/auth/password", new { currentPassword = "wrong-password", newPassword = "a-long-enough-one" });

        Assert.Equal(HttpStatusCode.BadRequest, tooShort.StatusCode);
        Assert.NotEmpty((await tooShort.ReadJsonAsync()).ValidationErrors("newPassword"));
        Assert.Equal(HttpStatusCode.BadRequest, wrongCurrent.StatusCode);
        Assert.NotEmpty((await wrongCurrent.ReadJsonAsync()).ValidationErrors("currentPassword"));
    }
}
