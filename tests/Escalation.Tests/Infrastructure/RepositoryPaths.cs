namespace CitizenBot.Escalation.Tests.Infrastructure;

/// <summary>Finds the repository (the folder holding CitizenBot.sln) from the test assembly's folder.</summary>
internal static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    public static string KnowledgeBase => Path.Combine(Root, "knowledge-base");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "CitizenBot.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("CitizenBot.sln not found above " + AppContext.BaseDirectory);
    }
}
