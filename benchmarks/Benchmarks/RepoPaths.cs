namespace CitizenBot.Benchmarks;

/// <summary>
/// Finds the repository's knowledge base and dev set from wherever the benchmark runs: the repository itself under
/// <c>dotnet run</c>, or a BenchmarkDotNet child process built in a folder below <c>bin/</c>.
/// </summary>
internal sealed record RepoPaths(string Root)
{
    /// <summary>Overrides the search: the repository root to use.</summary>
    public const string RootVariable = "CITIZENBOT_REPO_ROOT";

    private const string Marker = "knowledge-base/faq-categories.yaml";

    public string KnowledgeBase => Path.Combine(Root, "knowledge-base");

    public string DevSet => Path.Combine(Root, "tests", "data", "devset.jsonl");

    public static RepoPaths Find()
    {
        if (Environment.GetEnvironmentVariable(RootVariable) is { Length: > 0 } configured)
        {
            return new RepoPaths(Path.GetFullPath(configured));
        }

        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, Marker)))
                {
                    return new RepoPaths(dir.FullName);
                }
            }
        }

        throw new DirectoryNotFoundException(
            $"Cannot find the repository (a folder holding {Marker}) above the working directory or the program; set {RootVariable}.");
    }
}
