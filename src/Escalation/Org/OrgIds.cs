namespace CitizenBot.Escalation.Org;

/// <summary>Uniqueness bookkeeping shared by the validators.</summary>
internal static class OrgIds
{
    /// <summary>Records <paramref name="id"/> as taken; false (and an error naming the first line) when it already was.</summary>
    public static bool Claim(YamlText id, string what, Dictionary<string, int> taken, OrgErrors errors)
    {
        if (taken.TryAdd(id.Value, id.Line))
        {
            return true;
        }

        errors.Add(id.Line, $"duplicate {what} '{id.Value}' (first at line {taken[id.Value]})");
        return false;
    }
}
