using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;

namespace CitizenBot.Escalation.Categories;

/// <summary>
/// The ticket categories of <c>knowledge-base/categories.yaml</c>. Immutable and safe to share between threads.
/// </summary>
internal sealed class CategoryCatalog
{
    public const string FileName = "categories.yaml";

    private readonly FrozenDictionary<string, CategoryItem> _items;
    private readonly FrozenDictionary<string, CategoryGroup> _groupOfItem;

    /// <exception cref="ArgumentException">Two groups or two items share an id.</exception>
    public CategoryCatalog(IEnumerable<CategoryGroup> groups)
    {
        ArgumentNullException.ThrowIfNull(groups);
        Groups = [.. groups];
        var duplicateGroup = Groups.CountBy(g => g.Id, StringComparer.Ordinal).FirstOrDefault(c => c.Value > 1);
        if (duplicateGroup.Value > 1)
        {
            throw new ArgumentException($"Duplicate category group '{duplicateGroup.Key}'.", nameof(groups));
        }

        Items = [.. Groups.SelectMany(g => g.Items)];
        _items = Items.ToFrozenDictionary(i => i.Id, StringComparer.Ordinal);
        _groupOfItem = Groups
            .SelectMany(g => g.Items, (group, item) => (group, item))
            .ToFrozenDictionary(pair => pair.item.Id, pair => pair.group, StringComparer.Ordinal);
    }

    /// <summary>The groups in file order.</summary>
    public ImmutableArray<CategoryGroup> Groups { get; }

    /// <summary>Every item of every group, in file order.</summary>
    public ImmutableArray<CategoryItem> Items { get; }

    /// <summary>The item with <paramref name="itemId"/>.</summary>
    /// <exception cref="KeyNotFoundException">No item has that id.</exception>
    public CategoryItem GetItem(string itemId) =>
        TryGetItem(itemId, out var item) ? item : throw new KeyNotFoundException($"Unknown category item '{itemId}'.");

    /// <summary>Looks up an item by id (ordinal, case-sensitive).</summary>
    public bool TryGetItem(string itemId, [NotNullWhen(true)] out CategoryItem? item) =>
        _items.TryGetValue(itemId, out item);

    /// <summary>The group holding the item with <paramref name="itemId"/>.</summary>
    /// <exception cref="KeyNotFoundException">No item has that id.</exception>
    public CategoryGroup GetGroupOf(string itemId) =>
        _groupOfItem.TryGetValue(itemId, out var group)
            ? group
            : throw new KeyNotFoundException($"Unknown category item '{itemId}'.");
}
