using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace CitizenBot.Escalation.Categories;

/// <summary>Reads <c>categories.yaml</c>, validating all of it before returning a catalog.</summary>
internal static class CategoryCatalogLoader
{
    /// <summary>Loads and validates the catalog at <paramref name="path"/>.</summary>
    /// <exception cref="EscalationContentException">The file is invalid; the message lists every problem.</exception>
    public static async Task<CategoryCatalog> LoadAsync(string path, CancellationToken cancellationToken)
    {
        var yaml = await File.ReadAllTextAsync(path, cancellationToken);
        return Parse(yaml, Path.GetFileName(path));
    }

    /// <summary>
    /// Parses and validates catalog YAML. Every problem is collected first and reported as one line
    /// <c>fileName:LINE: message</c> (1-based lines), so a curator fixes the whole file in one pass.
    /// </summary>
    /// <exception cref="EscalationContentException">The YAML is invalid; the message lists every problem.</exception>
    public static CategoryCatalog Parse(string yaml, string fileName)
    {
        ArgumentNullException.ThrowIfNull(yaml);
        var reader = new CategoryYamlReader(fileName);
        var groups = Load(yaml, fileName, out var syntaxError) is { } root ? reader.ReadRoot(root) : [];
        var errors = syntaxError is null ? reader.Errors : [syntaxError];
        if (errors.Count > 0)
        {
            throw new EscalationContentException(string.Join('\n', errors));
        }

        return new CategoryCatalog(groups);
    }

    private static YamlNode? Load(string yaml, string fileName, out string? syntaxError)
    {
        syntaxError = null;
        var stream = new YamlStream();
        var parser = new MarkTrackingParser(new Parser(new StringReader(yaml)));
        try
        {
            stream.Load(parser);
        }
        catch (YamlException ex)
        {
            // YamlDotNet prefixes its message with "(Line: …, Col: …)"; the line is already in our prefix.
            syntaxError = CategoryYamlReader.Format(fileName, ex.Start.Line, "invalid YAML: " + StripMark(ex.Message));
            return null;
        }
        catch (InvalidOperationException)
        {
            syntaxError = CategoryYamlReader.Format(
                fileName, parser.LastStart.Line, "invalid YAML: the file ends inside an unclosed '[', '{' or quote");
            return null;
        }

        return stream.Documents.Count == 0 ? new YamlSequenceNode() : stream.Documents[0].RootNode;
    }

    private static string StripMark(string message)
    {
        var close = message.StartsWith("(Line:", StringComparison.Ordinal) ? message.IndexOf("): ", StringComparison.Ordinal) : -1;
        return close < 0 ? message : message[(close + 3)..];
    }
}
