using System.Net;
using System.Net.Http.Json;
using CitizenBot.Bot.Tests.Infrastructure;

namespace CitizenBot.Bot.Tests.Tickets;

/// <summary>Working a ticket through the API: the lifecycle, refusals, and the second whistle.</summary>
public sealed class TicketLifecycleApiTests(TicketServiceFixture service) : IClassFixture<TicketServiceFixture>
{
    [Fact]
    public async Task Worker_AcceptsStartsAndResolves_AndEachStepIsInTheHistoryUnderTheirId()
    {
        var number = await FileAsync();
        using var worker = await service.Factory.SignInAsync(StaffApi.GridWorker);

        Assert.Equal(HttpStatusCode.OK, (await worker.ActAsync(number, "accept")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await worker.ActAsync(number, "start")).StatusCode);
        using var resolved = await worker.ActAsync(number, "resolve", "已联系物业疏通，排水恢复正常");

        var ticket = await resolved.ReadJsonAsync();
        Assert.Equal("resolved", ticket.Text("status"));
        Assert.Equal("autoClose", ticket.Text("deadlineKind"));
        Assert.Equal(["submitted", "assigned", "accepted", "started", "resolved"], ticket.WorkEventTypes());
        var last = ticket.GetProperty("events").EnumerateArray().Last();
        Assert.Equal(StaffApi.GridWorker, last.Text("actor"));
        Assert.Equal("刘桂英", last.Text("actorName"));
        Assert.Equal("已联系物业疏通，排水恢复正常", last.Text("note"));
    }

    [Fact]
    public async Task IllegalTransition_Answers409WithTheReason_AndChangesNothing()
    {
        var number = await FileAsync();
        using var worker = await service.Factory.SignInAsync(StaffApi.GridWorker);
        using var accepted = await worker.ActAsync(number, "accept");
        var before = (await accepted.ReadJsonAsync()).GetProperty("version").GetInt32();

        using var again = await worker.ActAsync(number, "accept");
        using var dispatchAtGrid = await worker.PostAsJsonAsync($"api/tickets/{number}/dispatch", new { departmentId = "water-affairs" });

        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal("工单已受理，不能受理", (await again.ReadJsonAsync()).Text("detail"));
        Assert.Equal(HttpStatusCode.Conflict, dispatchAtGrid.StatusCode);
        var ticket = await (await worker.GetAsync(new Uri($"api/tickets/{number}", UriKind.Relative))).ReadJsonAsync();
        Assert.Equal(["submitted", "assigned", "accepted"], ticket.WorkEventTypes());
        Assert.Equal(before, ticket.GetProperty("version").GetInt32());
    }

    [Fact]
    public async Task Resolve_RequiresANote()
    {
        var number = await FileAsync();
        using var worker = await service.Factory.SignInAsync(StaffApi.GridWorker);
        await worker.ActAsync(number, "accept");

        using var response = await worker.ActAsync(number, "resolve", "  ");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.NotEmpty((await response.ReadJsonAsync()).ValidationErrors("note"));
    }

    [Fact]
    public async Task WorkerOfAnotherGrid_NeitherSeesNorWorksTheTicket()
    {
        var number = await FileAsync();
        using var other = await service.Factory.SignInAsync(StaffApi.OtherGridWorker);

        using var get = await other.GetAsync(new Uri($"api/tickets/{number}", UriKind.Relative));
        using var accept = await other.ActAsync(number, "accept");
        var list = await (await other.GetAsync(new Uri("api/tickets?limit=200", UriKind.Relative))).ReadJsonAsync();

        Assert.Equal(HttpStatusCode.NotFound, get.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, accept.StatusCode);
        Assert.DoesNotContain(list.GetProperty("items").EnumerateArray(), t => t.Number() == number);
    }

    [Fact]
    public async Task UnitsAboveTheGrid_SeeItsTickets_AndAdminsReadButDoNotWork()
    {
        var number = await FileAsync();
        foreach (var user in new[] { StaffApi.CommunityStaff, StaffApi.StreetStaff, StaffApi.District, StaffApi.Admin })
        {
            using var client = await service.Factory.SignInAsync(user);
            using var get = await client.GetAsync(new Uri($"api/tickets/{number}", UriKind.Relative));
            Assert.True(get.StatusCode == HttpStatusCode.OK, $"{user} cannot see a ticket of a grid under them");
        }

        using var admin = await service.Factory.SignInAsync(StaffApi.Admin);
        using var accept = await admin.ActAsync(number, "accept");
        Assert.Equal(HttpStatusCode.Forbidden, accept.StatusCode);
    }

    [Fact]
    public async Task DissatisfiedRating_WhistlesTheTicketUpToTheCommunity_AndTheGridKeepsReadingIt()
    {
        var number = await FileAsync(channelUserId: "wx-unhappy");
        using var worker = await service.Factory.SignInAsync(StaffApi.GridWorker);
        await worker.ActAsync(number, "accept");
        await worker.ActAsync(number, "resolve", "已处理");
        using var anonymous = service.Factory.CreateSocketClient();

        using var byStranger = await anonymous.PostAsJsonAsync($"api/tickets/{number}/rating", new { rating = "dissatisfied", channelUserId = "wx-someone-else" });
        using var byReporter = await anonymous.PostAsJsonAsync($"api/tickets/{number}/rating", new { rating = "dissatisfied", channelUserId = "wx-unhappy" });

        Assert.Equal(HttpStatusCode.NotFound, byStranger.StatusCode);
        Assert.Equal(HttpStatusCode.OK, byReporter.StatusCode);
        var ticket = await byReporter.ReadJsonAsync();
        Assert.Equal("assigned", ticket.Text("status"));
        Assert.Equal("community", ticket.Text("level"));
        Assert.Contains("secondWhistle", ticket.EventTypes());

        using var stillVisible = await worker.GetAsync(new Uri($"api/tickets/{number}", UriKind.Relative));
        using var noLongerTheirs = await worker.ActAsync(number, "accept");
        Assert.Equal(HttpStatusCode.OK, stillVisible.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, noLongerTheirs.StatusCode);

        using var community = await service.Factory.SignInAsync(StaffApi.CommunityStaff);
        Assert.Equal(HttpStatusCode.OK, (await community.ActAsync(number, "accept")).StatusCode);
    }

    [Fact]
    public async Task Street_DispatchesToOneOfItsDepartments_AfterTwoSecondWhistles()
    {
        var number = await FileAsync(channelUserId: "wx-twice");
        using var anonymous = service.Factory.CreateSocketClient();
        foreach (var holder in new[] { StaffApi.GridWorker, StaffApi.CommunityStaff })
        {
            using var staff = await service.Factory.SignInAsync(holder);
            await staff.ActAsync(number, "accept");
            await staff.ActAsync(number, "resolve", "已处理");
            using var rated = await anonymous.PostAsJsonAsync($"api/tickets/{number}/rating", new { rating = "dissatisfied", channelUserId = "wx-twice" });
            rated.EnsureSuccessStatusCode();
        }

        using var street = await service.Factory.SignInAsync(StaffApi.StreetStaff);
        await street.ActAsync(number, "accept");
        using var unknownDepartment = await street.PostAsJsonAsync($"api/tickets/{number}/dispatch", new { departmentId = "ministry-of-magic" });
        using var dispatched = await street.PostAsJsonAsync($"api/tickets/{number}/dispatch", new { departmentId = "water-affairs", note = "请水务部门到场疏通主管道" });

        Assert.Equal(HttpStatusCode.Forbidden, unknownDepartment.StatusCode);
        Assert.Equal(HttpStatusCode.OK, dispatched.StatusCode);
        var ticket = await dispatched.ReadJsonAsync();
        Assert.Equal("street", ticket.Text("level"));
        Assert.Equal("inProgress", ticket.Text("status"));
        var dispatch = ticket.GetProperty("events").EnumerateArray().Last();
        Assert.Equal("water-affairs", dispatch.GetProperty("data").Text("department"));
    }

    [Fact]
    public async Task Reopen_TakesAResolvedTicketBackIntoWork_WithTheReason()
    {
        var number = await FileAsync();
        using var worker = await service.Factory.SignInAsync(StaffApi.GridWorker);
        await worker.ActAsync(number, "accept");
        await worker.ActAsync(number, "resolve", "已疏通");

        using var withoutReason = await worker.ActAsync(number, "reopen");
        using var reopened = await worker.ActAsync(number, "reopen", "居民来电反映又堵了");

        Assert.Equal(HttpStatusCode.BadRequest, withoutReason.StatusCode);
        var ticket = await reopened.ReadJsonAsync();
        Assert.Equal("inProgress", ticket.Text("status"));
        Assert.Equal("reopened", ticket.EventTypes()[^1]);
    }

    [Fact]
    public async Task Mine_ListsOnlyTicketsHeldByTheCallersUnit()
    {
        var number = await FileAsync();
        using var community = await service.Factory.SignInAsync(StaffApi.CommunityStaff);

        var all = await (await community.GetAsync(new Uri("api/tickets?status=open&limit=200", UriKind.Relative))).ReadJsonAsync();
        var mine = await (await community.GetAsync(new Uri("api/tickets?status=open&mine=true&limit=200", UriKind.Relative))).ReadJsonAsync();

        Assert.Contains(all.GetProperty("items").EnumerateArray(), t => t.Number() == number);
        Assert.DoesNotContain(mine.GetProperty("items").EnumerateArray(), t => t.Number() == number);
    }

    private async Task<string> FileAsync(string channelUserId = "wx-resident-1")
    {
        using var anonymous = service.Factory.CreateSocketClient();
        return (await anonymous.FileTicketAsync(channelUserId: channelUserId)).Number();
    }
}
