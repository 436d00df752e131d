using CitizenBot.Escalation.Categories;
using CitizenBot.Escalation.Sla;

namespace CitizenBot.Escalation;

/// <summary>Where the escalation module reads its content files and keeps its ticket database, resolved once at start.</summary>
internal sealed record EscalationPaths(string ContentDirectory, string DatabasePath)
{
    public const string OrgFileName = "org.yaml";

    public string OrgFile => Path.Combine(ContentDirectory, OrgFileName);

    public string CategoriesFile => Path.Combine(ContentDirectory, CategoryCatalog.FileName);

    public string CalendarFile => Path.Combine(ContentDirectory, CalendarLoader.FileName);

    /// <summary>
    /// Resolves <paramref name="contentDirectory"/>: absolute as given; relative, the first match in the working
    /// directory or one of its parents (falling back to the working directory when none exists).
    /// </summary>
    /// <remarks>The same rule as the knowledge module's paths, repeated here because Escalation must not depend on Knowledge.</remarks>
    public static EscalationPaths Resolve(string contentDirectory, string dataDirectory, string databaseFileName) =>
        new(FindContentDirectory(contentDirectory), Path.Combine(Path.GetFullPath(dataDirectory), databaseFileName));

    private static string FindContentDirectory(string configured)
    {
        if (Path.IsPathRooted(configured))
        {
            return configured;
        }

        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, configured);
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        return Path.GetFullPath(configured);
    }
}
