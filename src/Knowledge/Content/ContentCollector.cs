using System.Globalization;

namespace CitizenBot.Knowledge.Content;

/// <summary>Gathers entries and errors across files, rejecting the second and later uses of an id.</summary>
internal sealed class ContentCollector
{
    private readonly List<KnowledgeEntry> _entries = [];
    private readonly Dictionary<string, string> _firstDefinitions = new(StringComparer.Ordinal);

    public List<ContentError> Errors { get; } = [];

    public void Add(ParsedEntry parsed)
    {
        if (parsed.Id is { } id)
        {
            if (_firstDefinitions.TryGetValue(id, out var first))
            {
                Errors.Add(new ContentError(parsed.File, parsed.IdLine, $"duplicate id '{id}', first defined at {first}"));
                return;
            }

            _firstDefinitions.Add(id, string.Create(CultureInfo.InvariantCulture, $"{parsed.File}:{parsed.IdLine}"));
        }

        if (parsed.Entry is { } entry)
        {
            _entries.Add(entry);
        }
    }

    public ContentLoadResult ToResult() => new(_entries.ToArray(), Errors.ToArray());
}
