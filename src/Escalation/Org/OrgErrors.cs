using System.Globalization;

namespace CitizenBot.Escalation.Org;

/// <summary>Collects every problem found in org.yaml so one run reports them all.</summary>
internal sealed class OrgErrors
{
    private readonly List<(int Line, string Message)> _errors = [];

    public void Add(int line, string message) => _errors.Add((Math.Max(1, line), message));

    /// <summary>Throws <see cref="ToException"/> when any error was collected.</summary>
    public void ThrowIfAny(string fileName)
    {
        if (_errors.Count > 0)
        {
            throw ToException(fileName);
        }
    }

    /// <summary>One exception listing every error collected so far as <c>file:line: message</c>, in file order.</summary>
    public EscalationContentException ToException(string fileName)
    {
        var lines = _errors
            .OrderBy(e => e.Line)
            .Select(e => string.Create(CultureInfo.InvariantCulture, $"{fileName}:{e.Line}: {e.Message}"));
        return new EscalationContentException(string.Join('\n', lines));
    }
}
