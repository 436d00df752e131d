namespace CitizenBot.Escalation.Tests.Categories;

/// <summary>Small valid catalogs for loader and guesser tests; line numbers in the tests refer to these lines.</summary>
internal static class CategoryYaml
{
    public const string FileName = "categories.yaml";

    /// <summary>A one-group, one-item catalog whose item spans lines 4–8.</summary>
    public static readonly string[] ValidLines =
    [
        "- id: drainage",
        "  name: 供水排水",
        "  items:",
        "    - id: drainage.blocked-sewer",
        "      name: 下水道堵塞",
        "      grade: 2",
        "      department: water-affairs",
        "      keywords: [下水道, 返水]",
    ];

    public static string Join(params string[] lines) => string.Join('\n', lines) + "\n";

    /// <summary>The valid catalog with line <paramref name="line"/> (1-based) replaced.</summary>
    public static string WithLine(int line, string replacement)
    {
        var lines = ValidLines.ToArray();
        lines[line - 1] = replacement;
        return Join(lines);
    }

    /// <summary>The valid catalog without line <paramref name="line"/> (1-based).</summary>
    public static string WithoutLine(int line) => Join([.. ValidLines[..(line - 1)], .. ValidLines[line..]]);
}
