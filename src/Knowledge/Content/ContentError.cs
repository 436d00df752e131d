using System.Globalization;

namespace CitizenBot.Knowledge.Content;

/// <summary>One problem found while loading content.</summary>
/// <param name="File">The file, relative to the folder that was read, or the file name as given.</param>
/// <param name="Line">1-based line in <paramref name="File"/>; 0 when the problem is not tied to a line.</param>
/// <param name="Message">What is wrong, for a human editor.</param>
public sealed record ContentError(string File, int Line, string Message)
{
    /// <summary>Returns <c>"{File}:{Line}: {Message}"</c>.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{File}:{Line}: {Message}");
}
