using System.Net;
using CitizenBot.Bot.Tests.Infrastructure;

namespace CitizenBot.Bot.Tests.Categories;

/// <summary><c>GET /api/categories</c> on the real service, loaded from the repository's categories.yaml.</summary>
public sealed class CategoryEndpointsTests(SeededBotFixture service) : IClassFixture<SeededBotFixture>
{
    [Fact]
    public async Task GetCategories_ReturnsAtLeastTwelveGroupsWithNumericGrades_WhenTheSeedCatalogIsLoaded()
    {
        using var response = await service.Client.GetAsync(BotHttp.Categories);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var groups = (await response.ReadJsonAsync()).EnumerateArray().ToList();
        Assert.True(groups.Count >= 12, $"expected at least 12 category groups, got {groups.Count}");
        foreach (var group in groups)
        {
            Assert.False(string.IsNullOrEmpty(group.GetProperty("id").GetString()));
            Assert.False(string.IsNullOrEmpty(group.GetProperty("name").GetString()));
            var items = group.GetProperty("items").EnumerateArray().ToList();
            Assert.NotEmpty(items);
            Assert.All(items, item =>
            {
                Assert.StartsWith(group.GetProperty("id").GetString() + ".", item.GetProperty("id").GetString(), StringComparison.Ordinal);
                Assert.False(string.IsNullOrEmpty(item.GetProperty("name").GetString()));
                Assert.InRange(item.GetProperty("grade").GetInt32(), 1, 3);
            });
        }

        var grades = groups.SelectMany(g => g.GetProperty("items").EnumerateArray()).Select(i => i.GetProperty("grade").GetInt32()).ToHashSet();
        Assert.Equal([1, 2, 3], grades.Order());
    }
}
