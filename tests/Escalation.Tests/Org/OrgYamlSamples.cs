namespace CitizenBot.Escalation.Tests.Org;

/// <summary>Small org.yaml texts for the tests; block style so each key sits on its own known line.</summary>
internal static class OrgYamlSamples
{
    /// <summary>A valid two-street tree; tests replace single lines of it to introduce one error at a known line.</summary>
    public const string Valid = """
        departments:
          - { id: chengguan, name: 城管 }
        nodes:
          - { id: hq, name: 红桥区, level: district }
          - { id: s-a, name: 甲街道, level: street, parent: hq, departments: [chengguan] }
          - { id: c-a, name: 甲社区, level: community, parent: s-a }
          - { id: g-a1, name: 甲一网格, level: grid, parent: c-a, chat-groups: [grp-a1] }
          - { id: g-a2, name: 甲二网格, level: grid, parent: c-a, chat-groups: [grp-a2] }
          - { id: s-b, name: 乙街道, level: street, parent: hq }
          - { id: c-b, name: 乙社区, level: community, parent: s-b }
          - { id: g-b1, name: 乙一网格, level: grid, parent: c-b, chat-groups: [grp-b1] }
        people:
          - { id: district, name: 值守席, role: district, node: hq }
          - { id: w-a1, name: 张一, role: grid-worker, node: g-a1, sender: wx-a1 }
          - { id: w-a2, name: 张二, role: grid-worker, node: g-a2, sender: wx-a2 }
          - { id: w-b1, name: 李一, role: grid-worker, node: g-b1, sender: wx-b1 }
          - { id: st-a, name: 王街, role: street, node: s-a }
        """;

    /// <summary><see cref="Valid"/> with 1-based line <paramref name="line"/> replaced by <paramref name="text"/>.</summary>
    public static string WithLine(int line, string text) => With((line, text));

    /// <summary><see cref="Valid"/> with several lines replaced at once.</summary>
    public static string With(params (int Line, string Text)[] replacements)
    {
        var lines = Valid.Split('\n');
        foreach (var (line, text) in replacements)
        {
            lines[line - 1] = text;
        }

        return string.Join('\n', lines);
    }
}
