namespace CitizenBot.Knowledge.Tests.Infrastructure;

/// <summary>Where the repository, its seed knowledge base and its dev set are, found from the test assembly's folder.</summary>
internal static class RepositoryPaths
{
    private const string SolutionFileName = "CitizenBot.sln";

    private static readonly Lazy<string> LazyRoot = new(FindRoot);

    /// <summary>The folder that holds <c>CitizenBot.sln</c>.</summary>
    public static string Root => LazyRoot.Value;

    /// <summary>The seed knowledge base (entries, lexicon, synonyms, categories).</summary>
    public static string KnowledgeBase => Path.Combine(Root, "knowledge-base");

    /// <summary>The labelled development questions.</summary>
    public static string DevSet => Path.Combine(Root, "tests", "data", "devset.jsonl");

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
