using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace CitizenBot.Escalation.Categories;

/// <summary>
/// A YAML parser that remembers where the last event started. YamlDotNet 16 throws a bare
/// <see cref="InvalidOperationException"/>, without a mark, when the file ends inside a flow collection
/// (<c>keywords: [漏水</c>); this mark is then the best line to report.
/// </summary>
internal sealed class MarkTrackingParser(IParser inner) : IParser
{
    public ParsingEvent? Current => inner.Current;

    /// <summary>Start of the last event parsed successfully (line 1 before the first).</summary>
    public Mark LastStart { get; private set; } = Mark.Empty;

    public bool MoveNext()
    {
        var moved = inner.MoveNext();
        if (inner.Current is { } current)
        {
            LastStart = current.Start;
        }

        return moved;
    }
}
