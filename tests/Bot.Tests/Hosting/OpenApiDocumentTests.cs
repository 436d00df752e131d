using CitizenBot.Bot.Tests.Infrastructure;

namespace CitizenBot.Bot.Tests.Hosting;

/// <summary>The OpenAPI document describes the whole API, including how staff authenticate.</summary>
public sealed class OpenApiDocumentTests(TicketServiceFixture service) : IClassFixture<TicketServiceFixture>
{
    [Fact]
    public async Task Document_ListsTheTicketAuthAndReportEndpoints_AndTheBearerScheme()
    {
        using var client = service.Factory.CreateSocketClient();

        var document = await (await client.GetAsync(new Uri("openapi/v1.json", UriKind.Relative))).ReadJsonAsync();

        var paths = document.GetProperty("paths");
        foreach (var path in new[] { "/api/tickets", "/api/tickets/{number}", "/api/tickets/{number}/resolve", "/api/auth/token", "/api/reports/summary", "/api/org", "/api/categories", "/api/chat/messages", "/api/chat/conversations/{conversationId}/events", "/api/chat/groups" })
        {
            Assert.True(paths.TryGetProperty(path, out _), $"{path} is missing from the OpenAPI document");
        }

        var bearer = document.GetProperty("components").GetProperty("securitySchemes").GetProperty("Bearer");
        Assert.Equal("bearer", bearer.Text("scheme"));
    }
}
