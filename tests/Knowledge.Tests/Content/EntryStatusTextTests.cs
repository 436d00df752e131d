using CitizenBot.Knowledge.Content;

namespace CitizenBot.Knowledge.Tests.Content;

public sealed class EntryStatusTextTests
{
    [Theory]
    [InlineData("published", EntryStatus.Published)]
    [InlineData("draft", EntryStatus.Draft)]
    [InlineData("retired", EntryStatus.Retired)]
    [InlineData("Retired", EntryStatus.Retired)]
    public void TryParse_ReadsEverySpelling_InAnyCase(string text, EntryStatus expected)
    {
        Assert.True(EntryStatusText.TryParse(text, out var status));
        Assert.Equal(expected, status);
        Assert.Equal(text.ToLowerInvariant(), EntryStatusText.ToText(status));
    }

    [Fact]
    public void TryParse_ReturnsFalse_WhenTheStatusIsUnknown() => Assert.False(EntryStatusText.TryParse("hidden", out _));

    [Fact]
    public void RetiredEntry_RoundTripsThroughBothFileFormats()
    {
        var entry = new KnowledgeEntry("heating-09", "旧政策？", [], "已废止。", "heating", [], null, null, null, EntryStatus.Retired);

        var markdown = MarkdownEntryFormat.Parse(MarkdownEntryFormat.Write(entry), "heating-09.md");
        var jsonl = JsonlEntryFormat.Parse(new StringReader(JsonlEntryFormat.Write(entry)), "entries.jsonl");

        Assert.Contains("status: retired\n", MarkdownEntryFormat.Write(entry), StringComparison.Ordinal);
        Assert.Equal(entry, Assert.Single(markdown.Entries));
        Assert.Equal(entry, Assert.Single(jsonl.Entries));
    }
}
