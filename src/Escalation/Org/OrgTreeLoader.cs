namespace CitizenBot.Escalation.Org;

/// <summary>Loads and validates org.yaml; any problem throws one <see cref="EscalationContentException"/> listing them all.</summary>
internal static class OrgTreeLoader
{
    /// <summary>Reads the file at <paramref name="path"/>; errors are reported against its file name.</summary>
    public static async Task<OrgTree> LoadAsync(string path, CancellationToken cancellationToken)
    {
        var yaml = await File.ReadAllTextAsync(path, cancellationToken);
        return Parse(yaml, Path.GetFileName(path));
    }

    /// <summary>Builds the tree from YAML text; <paramref name="fileName"/> prefixes each error line.</summary>
    public static OrgTree Parse(string yaml, string fileName)
    {
        var errors = new OrgErrors();
        var document = OrgYamlReader.Read(yaml, errors);
        if (document is null)
        {
            // Unreadable YAML yields no drafts; validating nothing would only add noise such as "no district".
            throw errors.ToException(fileName);
        }

        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        var nodes = OrgNodeValidator.Validate(document, ids, errors);
        var people = OrgPeopleValidator.Validate(document.People, nodes, ids, errors);
        errors.ThrowIfAny(fileName);
        return new OrgTree(nodes, people);
    }
}
