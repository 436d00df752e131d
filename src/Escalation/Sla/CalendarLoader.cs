using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace CitizenBot.Escalation.Sla;

/// <summary>
/// Reads knowledge-base/calendar.yaml into a <see cref="WorkingDayCalendar"/>. Every problem in the file is
/// collected and reported together as <c>calendar.yaml:LINE: message</c> in one
/// <see cref="EscalationContentException"/>; nothing is loaded from an invalid file.
/// </summary>
internal static class CalendarLoader
{
    /// <summary>The file name inside the knowledge-base folder.</summary>
    public const string FileName = "calendar.yaml";

    /// <summary>Loads the calendar file at <paramref name="path"/>.</summary>
    /// <exception cref="EscalationContentException">The file is invalid; the message lists every problem with its line.</exception>
    public static async Task<WorkingDayCalendar> LoadAsync(string path, CancellationToken cancellationToken)
    {
        var text = await File.ReadAllTextAsync(path, cancellationToken);
        return Parse(text, Path.GetFileName(path));
    }

    /// <summary>Parses calendar YAML; <paramref name="sourceName"/> prefixes each error line.</summary>
    /// <exception cref="EscalationContentException">The content is invalid; the message lists every problem with its line.</exception>
    public static WorkingDayCalendar Parse(string yaml, string sourceName = FileName)
    {
        ArgumentNullException.ThrowIfNull(yaml);
        var errors = new List<CalendarError>();
        IReadOnlyList<CalendarYear> years = [];
        try
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(yaml));
            if (stream.Documents.Count != 1)
            {
                errors.Add(new CalendarError(1, "the file must hold exactly one YAML document"));
            }
            else
            {
                years = new CalendarDocumentReader(errors).Read(stream.Documents[0].RootNode);
            }
        }
        catch (YamlException ex)
        {
            errors.Add(new CalendarError(ex.Start.Line, "invalid YAML: " + ex.Message));
        }

        if (errors.Count > 0)
        {
            var lines = errors.OrderBy(e => e.Line).Select(e => $"{sourceName}:{e.Line}: {e.Message}");
            throw new EscalationContentException(
                $"{sourceName} is invalid ({errors.Count} problem(s)):\n{string.Join("\n", lines)}");
        }

        return new WorkingDayCalendar(years);
    }
}
