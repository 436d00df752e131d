using CitizenBot.Knowledge.Content;

namespace CitizenBot.Knowledge.Tests.Content;

public sealed class KnowledgeEntryTests
{
    [Fact]
    public void Equals_ReturnsTrue_WhenListsAreDifferentInstancesWithSameContents()
    {
        var entry = SampleEntries.Heating();
        var copy = entry with { Questions = entry.Questions.ToList(), Tags = entry.Tags.ToList() };

        Assert.Equal(entry, copy);
        Assert.Equal(entry.GetHashCode(), copy.GetHashCode());
        Assert.Equal(entry.ContentHash(), copy.ContentHash());
    }

    [Fact]
    public void Equals_ReturnsFalse_WhenListContentsDiffer()
    {
        var entry = SampleEntries.Heating();

        Assert.NotEqual(entry, entry with { Questions = [.. entry.Questions.Reverse()] });
        Assert.NotEqual(entry, entry with { Tags = [.. entry.Tags, "新"] });
    }

    [Fact]
    public void ContentHash_ReturnsLowerCaseSha256Hex_WhenComputed()
    {
        var hash = SampleEntries.Heating().ContentHash();

        Assert.Equal(64, hash.Length);
        Assert.All(hash, c => Assert.Contains(c, "0123456789abcdef"));
        Assert.Equal(hash, SampleEntries.Heating().ContentHash());
    }

    [Fact]
    public void ContentHash_Changes_WhenAnyFieldChanges()
    {
        var entry = SampleEntries.Heating();
        KnowledgeEntry[] variants =
        [
            entry with { Id = "heating-09" },
            entry with { Title = entry.Title + "？" },
            entry with { Questions = [.. entry.Questions.Take(2)] },
            entry with { Answer = entry.Answer + "。" },
            entry with { Category = "property" },
            entry with { Tags = [] },
            entry with { Department = null },
            entry with { Source = "" },
            entry with { Updated = new DateOnly(2026, 10, 21) },
            entry with { Status = EntryStatus.Draft },
            // The same strings split differently between list items must not collide.
            entry with { Questions = ["暖气温度不达标找谁室温不够18度怎么办", "暖气片冰凉没人管"] },
        ];

        var hashes = variants.Select(v => v.ContentHash()).Append(entry.ContentHash()).ToArray();
        Assert.Equal(hashes.Length, hashes.Distinct(StringComparer.Ordinal).Count());
    }
}
