using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.RegularExpressions;
using CitizenBot.Bot.Channels;
using CitizenBot.Bot.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace CitizenBot.Bot.Tests.Tickets;

/// <summary>The ticket API over real Kestrel: filing, reading, and the contract fields outside checks rely on.</summary>
public sealed partial class TicketEndpointsTests(TicketServiceFixture service) : IClassFixture<TicketServiceFixture>
{
    [Fact]
    public async Task Create_FilesTheTicketToItsGrid_WithAPhoneReadableNumberAndAMaskedPhone()
    {
        using var client = service.Factory.CreateSocketClient();
        using var response = await client.PostAsJsonAsync("api/tickets", new
        {
            category = "drainage.blocked-sewer",
            description = "下水道堵了",
            gridId = StaffApi.Grid,
            urgency = "red",
            reporter = new { channelUserId = "wx-a", phone = "138 0000 1234" },
            attachments = new[] { "https://img.example.cn/1.jpg" },
        });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var ticket = await response.ReadJsonAsync();
        Assert.Matches(TicketNumberPattern(), ticket.Number());
        Assert.Equal($"/api/tickets/{ticket.Number()}", response.Headers.Location?.OriginalString);
        Assert.Equal("assigned", ticket.Text("status"));
        Assert.Equal("grid", ticket.Text("level"));
        Assert.Equal("red", ticket.Text("urgency"));
        Assert.Equal("accept", ticket.Text("deadlineKind"));
        Assert.Equal("138****1234", ticket.GetProperty("reporter").Text("phone"));
        Assert.DoesNotContain("13800001234", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(["submitted", "assigned"], ticket.WorkEventTypes());
    }

    [Fact]
    public async Task Get_ReturnsTheContractFields_WithTheHistory()
    {
        using var anonymous = service.Factory.CreateSocketClient();
        var filed = await anonymous.FileTicketAsync();
        using var district = await service.Factory.SignInAsync(StaffApi.District);

        var ticket = await (await district.GetAsync(new Uri($"api/tickets/{filed.Number()}", UriKind.Relative))).ReadJsonAsync();

        Assert.Equal(filed.Number(), ticket.Number());
        Assert.Equal("assigned", ticket.Text("status"));
        Assert.Equal("grid", ticket.Text("level"));
        Assert.False(ticket.GetProperty("supervised").GetBoolean());
        Assert.True(DateTimeOffset.TryParse(ticket.Text("deadline"), out _));
        var submitted = ticket.GetProperty("events")[0];
        Assert.Equal("submitted", submitted.Text("type"));
        Assert.Equal("resident", submitted.Text("actor"));
        Assert.True(submitted.TryGetProperty("at", out _) && submitted.TryGetProperty("note", out _));
    }

    [Fact]
    public async Task Create_LocatesTheGridFromTheAddress_WhenNoGridIsGiven()
    {
        using var client = service.Factory.CreateSocketClient();

        var byGridName = await CreateAsync(client, new { category = "drainage.blocked-sewer", description = "楼道漏水", address = "子牙社区第2网格 5号楼", reporter = new { channelUserId = "wx-b" } });
        var byCommunity = await CreateAsync(client, new { category = "drainage.blocked-sewer", description = "楼道漏水", address = "河北大街社区 12号楼", reporter = new { channelUserId = "wx-b" } });

        Assert.Equal(StaffApi.OtherGrid, byGridName.GetProperty("location").Text("gridId"));
        Assert.Equal("河北大街社区", byCommunity.GetProperty("location").Text("communityName"));
    }

    [Fact]
    public async Task Create_ReportsEveryBadField_AndFilesNothing()
    {
        using var client = service.Factory.CreateSocketClient();
        using var district = await service.Factory.SignInAsync(StaffApi.District);
        var before = await CountAsync(district);

        using var response = await client.PostAsJsonAsync("api/tickets", new
        {
            category = "no.such-item",
            description = new string('漏', 2001),
            address = "火星路1号",
            urgency = "purple",
            reporter = new { channelUserId = "wx-c", phone = "12345" },
            attachments = new[] { "javascript:alert(1)" },
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.ReadJsonAsync();
        foreach (var field in new[] { "category", "description", "address", "urgency", "reporter.phone", "attachments" })
        {
            Assert.NotEmpty(problem.ValidationErrors(field));
        }

        Assert.Equal(before, await CountAsync(district));
    }

    [Fact]
    public async Task Create_RefusesMalformedJson_WithAProblem()
    {
        using var client = service.Factory.CreateSocketClient();
        using var content = new StringContent("{\"category\": \"drainage.blocked-sewer\", \"description\": ", Encoding.UTF8, "application/json");

        using var response = await client.PostAsync(new Uri("api/tickets", UriKind.Relative), content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task UnknownOrMalformedNumber_Answers404()
    {
        using var district = await service.Factory.SignInAsync(StaffApi.District);

        using var unknown = await district.GetAsync(new Uri("api/tickets/HQ-20200101-9999", UriKind.Relative));
        using var malformed = await district.GetAsync(new Uri("api/tickets/not-a-number", UriKind.Relative));
        using var action = await district.ActAsync("HQ-20200101-9999", "accept");

        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, malformed.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, action.StatusCode);
    }

    [Fact]
    public async Task List_RefusesUnknownStatusesAndBadPaging()
    {
        using var district = await service.Factory.SignInAsync(StaffApi.District);

        using var badStatus = await district.GetAsync(new Uri("api/tickets?status=lost", UriKind.Relative));
        using var badLimit = await district.GetAsync(new Uri("api/tickets?limit=0", UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, badStatus.StatusCode);
        Assert.NotEmpty((await badStatus.ReadJsonAsync()).ValidationErrors("status"));
        Assert.Equal(HttpStatusCode.BadRequest, badLimit.StatusCode);
    }

    [Fact]
    public async Task Reply_IsRecordedInTheHistory_AndQueuedForTheResident()
    {
        using var anonymous = service.Factory.CreateSocketClient();
        var filed = await anonymous.FileTicketAsync(channelUserId: "wx-reply-to-me");
        using var worker = await service.Factory.SignInAsync(StaffApi.GridWorker);

        using var response = await worker.ActAsync(filed.Number(), "replies", "您好，明天上午九点师傅上门疏通。");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("replySent", (await response.ReadJsonAsync()).EventTypes());
        var outbox = service.Factory.Services.GetRequiredService<ResidentOutbox>();
        var notice = Assert.Single(outbox.Collect("wx-reply-to-me"));
        Assert.Equal(filed.Number(), notice.TicketNumber);
        Assert.Contains("明天上午九点", notice.Text, StringComparison.Ordinal);
    }

    private static async Task<System.Text.Json.JsonElement> CreateAsync(HttpClient client, object body)
    {
        using var response = await client.PostAsJsonAsync("api/tickets", body);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return await response.ReadJsonAsync();
    }

    private static async Task<int> CountAsync(HttpClient client) =>
        (await (await client.GetAsync(new Uri("api/tickets?limit=200", UriKind.Relative))).ReadJsonAsync()).GetProperty("items").GetArrayLength();

    [GeneratedRegex(@"^HQ-\d{8}-\d{4,}$")]
    private static partial Regex TicketNumberPattern();
}
