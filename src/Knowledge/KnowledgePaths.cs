namespace CitizenBot.Knowledge;

/// <summary>Where the knowledge module reads content from and keeps its database, resolved once at start.</summary>
public sealed record KnowledgePaths(string ContentDirectory, string DatabasePath)
{
    /// <summary>
    /// Resolves <paramref name="contentDirectory"/>: absolute as given; relative, the first match in the working
    /// directory or one of its parents (falling back to the working directory when none exists).
    /// </summary>
    public static KnowledgePaths Resolve(string contentDirectory, string dataDirectory, string databaseFileName)
    {
        var data = Path.GetFullPath(dataDirectory);
        return new KnowledgePaths(FindContentDirectory(contentDirectory), Path.Combine(data, databaseFileName));
    }

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
