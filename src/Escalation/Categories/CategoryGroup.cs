namespace CitizenBot.Escalation.Categories;

/// <summary>A group of items on the "吹哨" list, e.g. <c>drainage</c> 供水排水.</summary>
/// <param name="Id">ASCII id, unique across the catalog and the prefix of each item id.</param>
/// <param name="Name">Chinese display name.</param>
/// <param name="Items">The group's items in file order; never empty when loaded from YAML.</param>
internal sealed record CategoryGroup(string Id, string Name, IReadOnlyList<CategoryItem> Items);
