using System.Net;
using System.Text.Json;
using CitizenBot.Bot.Tests.Infrastructure;

namespace CitizenBot.Bot.Tests.Org;

/// <summary><c>GET /api/org</c> on the real service, loaded from the repository's org.yaml.</summary>
public sealed class OrgEndpointsTests(SeededBotFixture service) : IClassFixture<SeededBotFixture>
{
    private static readonly string[] NodeProperties = ["children", "id", "level", "name"];

    [Fact]
    public async Task GetOrg_ReturnsOneDistrictWithNineStreets_WhenTheSeedOrgIsLoaded()
    {
        using var response = await service.Client.GetAsync(BotHttp.Org);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var district = await response.ReadJsonAsync();
        Assert.Equal(JsonValueKind.Object, district.ValueKind);
        Assert.Equal("hongqiao", district.GetProperty("id").GetString());
        Assert.Equal("红桥区", district.GetProperty("name").GetString());
        Assert.Equal("district", district.GetProperty("level").GetString());
        var streets = district.GetProperty("children").EnumerateArray().ToList();
        Assert.Equal(9, streets.Count);
        Assert.All(streets, s => Assert.Equal("street", s.GetProperty("level").GetString()));
    }

    [Fact]
    public async Task GetOrg_EveryLeafIsAGridAndEveryLevelIsOneBelowItsParent_WhenTheSeedOrgIsLoaded()
    {
        using var response = await service.Client.GetAsync(BotHttp.Org);

        var district = await response.ReadJsonAsync();
        var leaves = new List<JsonElement>();
        Walk(district, 0, leaves);
        Assert.NotEmpty(leaves);
        Assert.All(leaves, leaf => Assert.Equal("grid", leaf.GetProperty("level").GetString()));
    }

    [Fact]
    public async Task GetOrg_HoldsNoPeopleOrPhones_BecauseItIsAPublicRead()
    {
        using var response = await service.Client.GetAsync(BotHttp.Org);

        var text = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("phone", text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("people", text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("wx-", text, StringComparison.Ordinal);
    }

    private static void Walk(JsonElement node, int depth, List<JsonElement> leaves)
    {
        string[] levels = ["district", "street", "community", "grid"];
        Assert.Equal(NodeProperties, node.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        Assert.Equal(levels[depth], node.GetProperty("level").GetString());
        var children = node.GetProperty("children").EnumerateArray().ToList();
        if (children.Count == 0)
        {
            leaves.Add(node);
        }

        foreach (var child in children)
        {
            Walk(child, depth + 1, leaves);
        }
    }
}
