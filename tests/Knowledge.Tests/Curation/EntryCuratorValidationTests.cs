using CitizenBot.Knowledge.Curation;

namespace CitizenBot.Knowledge.Tests.Curation;

public sealed class EntryCuratorValidationTests : IAsyncLifetime
{
    private CurationHarness _harness = null!;

    public async Task InitializeAsync() => _harness = await CurationHarness.OpenAsync();

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    public static TheoryData<EntryInput, string, string> BrokenInputs => new()
    {
        { EntryInputs.FloorHeating() with { Title = "  " }, "title", "'title' is missing or blank" },
        { EntryInputs.FloorHeating() with { Answer = null }, "answer", "'answer' is missing or blank" },
        { EntryInputs.FloorHeating("Heating 01"), "id", "id 'Heating 01' must be" },
        { EntryInputs.FloorHeating() with { Category = "parking" }, "category", "category 'parking' is not in faq-categories.yaml" },
        { EntryInputs.FloorHeating() with { Category = "供热" }, "category", "category '供热' must be" },
        { EntryInputs.FloorHeating() with { Questions = [new string('问', 201)] }, "questions", "a question is 201 characters long; the limit is 200" },
        { EntryInputs.FloorHeating() with { Tags = ["地暖", " "] }, "tags", "'tags' must be a list of non-empty strings" },
        { EntryInputs.FloorHeating(status: "hidden"), "status", "unknown status 'hidden'" },
    };

    [Theory]
    [MemberData(nameof(BrokenInputs))]
    public async Task CreateAsync_ReturnsInvalidWithTheFieldsError_WhenInputBreaksAnImportRule(EntryInput input, string field, string message)
    {
        var outcome = await _harness.Curator.CreateAsync(input, "admin", CancellationToken.None);

        Assert.Equal(CurationStatus.Invalid, outcome.Status);
        var errors = Assert.Single(outcome.Errors);
        Assert.Equal(field, errors.Key);
        Assert.StartsWith(message, Assert.Single(errors.Value), StringComparison.Ordinal);
        Assert.Empty(await _harness.Knowledge.Index.ListIdsAsync(CancellationToken.None));
    }

    [Fact]
    public async Task CreateAsync_ReportsEveryBrokenField_WhenSeveralAreWrong()
    {
        var outcome = await _harness.Curator.CreateAsync(
            new EntryInput("heating-01", null, null, "  ", null, null, null, null),
            "admin",
            CancellationToken.None);

        Assert.Equal(["answer", "category", "title"], outcome.Errors.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task UpdateAsync_ReturnsInvalid_WhenTheInputRenamesTheEntry()
    {
        await _harness.Curator.CreateAsync(EntryInputs.FloorHeating(), "admin", CancellationToken.None);

        var outcome = await _harness.Curator.UpdateAsync("heating-01", EntryInputs.FloorHeating("heating-02"), null, "admin", CancellationToken.None);

        Assert.Equal(CurationStatus.Invalid, outcome.Status);
        Assert.Equal(["id"], outcome.Errors.Keys);
    }
}
