namespace CitizenBot.Bot.Tests.Infrastructure;

/// <summary>Where the repository and its seed knowledge base are, found from the test assembly's folder.</summary>
public static class RepositoryPaths
{
    private const string SolutionFileName = "CitizenBot.sln";

    private static readonly Lazy<string> LazyRoot = new(FindRoot);

    /// <summary>The folder that holds <c>CitizenBot.sln</c>.</summary>
    public static string Root => LazyRoot.Value;

    /// <summary>The seed knowledge base, as an absolute path.</summary>
    public static string KnowledgeBase => Path.Combine(Root, "knowledge-base");

    /// <summary>The seed's entry files: every <c>*.md</c> under <c>knowledge-base/faq</c> except README.md.</summary>
    public static IReadOnlyList<string> SeedEntryFiles() =>
        Directory.EnumerateFiles(Path.Combine(KnowledgeBase, "faq"), "*.md", SearchOption.AllDirectories)
            .Where(f => !string.Equals(Path.GetFileName(f), "README.md", StringComparison.OrdinalIgnoreCase))
            .ToArray();

    /// <summary>How many seed entries are published, i.e. searchable: entry files not marked <c>status: draft</c>.</summary>
    public static int PublishedSeedEntryCount() =>
        SeedEntryFiles().Count(f => !File.ReadLines(f).Any(line => line.Trim() == "status: draft"));

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, SolutionFileName)))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No {SolutionFileName} found above {AppContext.BaseDirectory}.");
    }
}
