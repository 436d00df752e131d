using System.Net;
using System.Net.Http.Json;
using CitizenBot.Bot.Tests.Infrastructure;

namespace CitizenBot.Bot.Tests.Reports;

/// <summary>The dashboard API over real Kestrel: figures per unit, the caller's scope, and bad periods.</summary>
public sealed class ReportEndpointsTests(TicketServiceFixture service) : IClassFixture<TicketServiceFixture>
{
    [Fact]
    public async Task Summary_CountsTodaysTicketsOfTheCallersUnit_AndOnlyThose()
    {
        using var anonymous = service.Factory.CreateSocketClient();
        var closed = (await anonymous.FileTicketAsync(channelUserId: "wx-happy")).Number();
        await anonymous.FileTicketAsync();
        await anonymous.FileTicketAsync(gridId: StaffApi.OtherGrid);
        using var worker = await service.Factory.SignInAsync(StaffApi.GridWorker);
        await worker.ActAsync(closed, "accept");
        await worker.ActAsync(closed, "resolve", "已疏通");
        using var rated = await anonymous.PostAsJsonAsync($"api/tickets/{closed}/rating", new { rating = "satisfied", channelUserId = "wx-happy" });
        rated.EnsureSuccessStatusCode();

        var grid = await (await worker.GetAsync(new Uri("api/reports/summary?period=today", UriKind.Relative))).ReadJsonAsync();
        using var district = await service.Factory.SignInAsync(StaffApi.District);
        var all = await (await district.GetAsync(new Uri("api/reports/summary", UriKind.Relative))).ReadJsonAsync();

        Assert.Equal(StaffApi.Grid, grid.GetProperty("scope").Text("id"));
        Assert.Equal(2, grid.GetProperty("submitted").GetInt32());
        Assert.Equal(1, grid.GetProperty("closed").GetInt32());
        Assert.Equal(1, grid.GetProperty("openTickets").GetInt32());
        Assert.Equal(0.5, grid.GetProperty("closureRate").GetDouble(), 6);
        Assert.Equal(1.0, grid.GetProperty("satisfaction").GetProperty("rate").GetDouble(), 6);
        Assert.Equal(3, all.GetProperty("submitted").GetInt32());
        Assert.Single(grid.GetProperty("daily").EnumerateArray());
    }

    [Fact]
    public async Task Summary_RefusesAScopeOutsideTheCallersUnit_AndBadPeriods()
    {
        using var worker = await service.Factory.SignInAsync(StaffApi.GridWorker);

        using var otherScope = await worker.GetAsync(new Uri($"api/reports/summary?scope={StaffApi.OtherGrid}", UriKind.Relative));
        using var unknownPeriod = await worker.GetAsync(new Uri("api/reports/summary?period=year", UriKind.Relative));
        using var backwards = await worker.GetAsync(new Uri("api/reports/summary?period=range&from=2026-11-20&to=2026-11-01", UriKind.Relative));
        using var anonymous = service.Factory.CreateSocketClient();
        using var unauthenticated = await anonymous.GetAsync(new Uri("api/reports/summary", UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, otherScope.StatusCode);
        Assert.NotEmpty((await otherScope.ReadJsonAsync()).ValidationErrors("scope"));
        Assert.Equal(HttpStatusCode.BadRequest, unknownPeriod.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, backwards.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, unauthenticated.StatusCode);
    }

    [Fact]
    public async Task Summary_CoversAChosenRange_DayByDay()
    {
        using var street = await service.Factory.SignInAsync(StaffApi.StreetStaff);

        var report = await (await street.GetAsync(new Uri("api/reports/summary?period=range&from=2026-10-01&to=2026-10-31", UriKind.Relative))).ReadJsonAsync();

        Assert.Equal("2026-10-01", report.GetProperty("period").Text("from"));
        Assert.Equal(31, report.GetProperty("daily").GetArrayLength());
        Assert.Equal(0, report.GetProperty("submitted").GetInt32());
        Assert.Equal(JsonValueKindNull, report.GetProperty("closureRate").ValueKind);
    }

    private const System.Text.Json.JsonValueKind JsonValueKindNull = System.Text.Json.JsonValueKind.Null;
}
