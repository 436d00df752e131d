using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace CitizenBot.Knowledge.Content;

/// <summary>
/// The FAQ categories of <c>knowledge-base/faq-categories.yaml</c>: slug → Chinese display name. The name is
/// indexed with each entry, so a resident who writes 供热 or 社保 finds the category's entries.
/// </summary>
public sealed class FaqCategoryCatalog
{
    public const string FileName = "faq-categories.yaml";

    private readonly Dictionary<string, FaqCategory> _bySlug;

    public FaqCategoryCatalog(IEnumerable<FaqCategory> categories) =>
        _bySlug = categories.ToDictionary(c => c.Id, StringComparer.Ordinal);

    public static FaqCategoryCatalog Empty { get; } = new([]);

    public IReadOnlyCollection<FaqCategory> Categories => _bySlug.Values;

    /// <summary>The display name for <paramref name="slug"/>, or the slug itself for an unknown category.</summary>
    public string DisplayName(string slug) => _bySlug.TryGetValue(slug, out var category) ? category.Name : slug;

    public bool Contains(string slug) => _bySlug.ContainsKey(slug);

    /// <summary>Loads the catalog from a knowledge-base folder; a folder without the file gives an empty catalog.</summary>
    /// <exception cref="KnowledgeContentException">The file exists but is not a valid list of categories.</exception>
    public static async Task<FaqCategoryCatalog> LoadAsync(string knowledgeBaseDirectory, CancellationToken cancellationToken)
    {
        var path = Path.Combine(knowledgeBaseDirectory, FileName);
        if (!File.Exists(path))
        {
            return Empty;
        }

        var yaml = await File.ReadAllTextAsync(path, cancellationToken);
        try
        {
            var deserializer = new DeserializerBuilder().WithNamingConvention(CamelCaseNamingConvention.Instance).Build();
            var items = deserializer.Deserialize<List<FaqCategory>?>(yaml) ?? [];
            var invalid = items.FirstOrDefault(c => string.IsNullOrWhiteSpace(c.Id) || string.IsNullOrWhiteSpace(c.Name));
            if (invalid is not null)
            {
                throw new KnowledgeContentException($"{FileName}: every category needs an id and a name.");
            }

            return new FaqCategoryCatalog(items);
        }
        catch (YamlException ex)
        {
            throw new KnowledgeContentException($"{FileName}:{ex.Start.Line}: {ex.Message}", ex);
        }
    }
}
