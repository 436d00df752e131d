using System.Globalization;
using System.Text;

namespace CitizenBot.Knowledge.Content;

/// <summary>One FAQ entry: a canonical question, its alternative phrasings and the answer, with its metadata.</summary>
/// <remarks>
/// Text is kept exactly as written (no traditional → simplified or full-width folding; that is the analyzer's job).
/// Equality compares the contents of <see cref="Questions"/> and <see cref="Tags"/>, not the list instances.
/// </remarks>
/// <param name="Id">Unique id, lower-case ASCII, e.g. <c>heating-01</c>.</param>
/// <param name="Title">The canonical question.</param>
/// <param name="Questions">Alternative phrasings, without duplicates and without the title.</param>
/// <param name="Answer">The answer, in Markdown.</param>
/// <param name="Category">The category slug, e.g. <c>heating</c>.</param>
/// <param name="Tags">Short domain words.</param>
/// <param name="Department">The responsible office, when given.</param>
/// <param name="Source">The policy or regulation the answer rests on, when given.</param>
/// <param name="Updated">When the entry was last checked, when given.</param>
/// <param name="Status">Whether the entry is published or a draft.</param>
public sealed record KnowledgeEntry(
    string Id,
    string Title,
    IReadOnlyList<string> Questions,
    string Answer,
    string Category,
    IReadOnlyList<string> Tags,
    string? Department,
    string? Source,
    DateOnly? Updated,
    EntryStatus Status)
{
    /// <summary>Compares every field, the lists by content, strings ordinally.</summary>
    public bool Equals(KnowledgeEntry? other) =>
        ReferenceEquals(this, other)
        || (other is not null
            && string.Equals(Id, other.Id, StringComparison.Ordinal)
            && string.Equals(Title, other.Title, StringComparison.Ordinal)
            && Questions.SequenceEqual(other.Questions, StringComparer.Ordinal)
            && string.Equals(Answer, other.Answer, StringComparison.Ordinal)
            && string.Equals(Category, other.Category, StringComparison.Ordinal)
            && Tags.SequenceEqual(other.Tags, StringComparer.Ordinal)
            && string.Equals(Department, other.Department, StringComparison.Ordinal)
            && string.Equals(Source, other.Source, StringComparison.Ordinal)
            && Updated == other.Updated
            && Status == other.Status);

    /// <summary>A hash consistent with <see cref="Equals(KnowledgeEntry?)"/>.</summary>
    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(Id, StringComparer.Ordinal);
        hash.Add(Title, StringComparer.Ordinal);
        AddList(ref hash, Questions);
        hash.Add(Answer, StringComparer.Ordinal);
        hash.Add(Category, StringComparer.Ordinal);
        AddList(ref hash, Tags);
        hash.Add(Department, StringComparer.Ordinal);
        hash.Add(Source, StringComparer.Ordinal);
        hash.Add(Updated);
        hash.Add(Status);
        return hash.ToHashCode();
    }

    /// <summary>
    /// A lower-case hex SHA-256 over every field, stable across processes and machines, for change detection.
    /// </summary>
    public string ContentHash() => KnowledgeEntryHash.Compute(this);

    private static void AddList(ref HashCode hash, IReadOnlyList<string> items)
    {
        hash.Add(items.Count);
        foreach (var item in items)
        {
            hash.Add(item, StringComparer.Ordinal);
        }
    }

    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append("Id = ").Append(Id)
            .Append(", Title = ").Append(Title)
            .Append(", Questions = [").AppendJoin(" | ", Questions)
            .Append("], Answer = ").Append(Answer)
            .Append(", Category = ").Append(Category)
            .Append(", Tags = [").AppendJoin(", ", Tags)
            .Append("], Department = ").Append(Department)
            .Append(", Source = ").Append(Source)
            .Append(", Updated = ").Append(Updated?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))
            .Append(", Status = ").Append(EntryStatusText.ToText(Status));
        return true;
    }
}
