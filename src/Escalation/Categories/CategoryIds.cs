namespace CitizenBot.Escalation.Categories;

/// <summary>The ASCII id rules of <c>categories.yaml</c>: slugs for groups and departments, <c>group.slug</c> for items.</summary>
internal static class CategoryIds
{
    /// <summary>True for a non-empty run of a–z, 0–9 and '-' that neither starts nor ends with '-'.</summary>
    public static bool IsSlug(string value) =>
        value.Length > 0
        && value[0] != '-'
        && value[^1] != '-'
        && value.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-');

    /// <summary>True when <paramref name="itemId"/> is <paramref name="groupId"/>, a dot, and a slug.</summary>
    public static bool IsItemIdOf(string itemId, string groupId) =>
        itemId.Length > groupId.Length + 1
        && itemId.StartsWith(groupId, StringComparison.Ordinal)
        && itemId[groupId.Length] == '.'
        && IsSlug(itemId[(groupId.Length + 1)..]);
}
