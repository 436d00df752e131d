namespace CitizenBot.Knowledge.Curation;

/// <summary>
/// A minimal line diff by longest common subsequence: the common prefix and suffix are matched first, and the
/// middle by the classic dynamic programme.
/// </summary>
/// <remarks>
/// The table has one cell per pair of middle lines. Entry files are tens of lines, but an answer may run to
/// 20,000 characters; past <see cref="MaxCells"/> the middle is shown as removed then added, which is still a correct
/// diff, only not a minimal one.
/// </remarks>
internal static class LineDiff
{
    private const long MaxCells = 4_000_000;

    public static List<DiffLine> Compute(IReadOnlyList<string> from, IReadOnlyList<string> to)
    {
        var prefix = 0;
        while (prefix < from.Count && prefix < to.Count && string.Equals(from[prefix], to[prefix], StringComparison.Ordinal))
        {
            prefix++;
        }

        var suffix = 0;
        while (suffix < from.Count - prefix && suffix < to.Count - prefix
            && string.Equals(from[from.Count - 1 - suffix], to[to.Count - 1 - suffix], StringComparison.Ordinal))
        {
            suffix++;
        }

        var lines = new List<DiffLine>(from.Count + to.Count);
        for (var i = 0; i < prefix; i++)
        {
            lines.Add(new DiffLine(DiffKind.Same, from[i]));
        }

        AddMiddle(lines, from, prefix, from.Count - suffix, to, prefix, to.Count - suffix);
        for (var i = from.Count - suffix; i < from.Count; i++)
        {
            lines.Add(new DiffLine(DiffKind.Same, from[i]));
        }

        return lines;
    }

    private static void AddMiddle(List<DiffLine> lines, IReadOnlyList<string> a, int aStart, int aEnd, IReadOnlyList<string> b, int bStart, int bEnd)
    {
        int n = aEnd - aStart, m = bEnd - bStart;
        if ((long)(n + 1) * (m + 1) > MaxCells)
        {
            for (var i = aStart; i < aEnd; i++)
            {
                lines.Add(new DiffLine(DiffKind.Removed, a[i]));
            }

            for (var j = bStart; j < bEnd; j++)
            {
                lines.Add(new DiffLine(DiffKind.Added, b[j]));
            }

            return;
        }

        // common[i, j]: length of the longest common subsequence of a[i..] and b[j..] (middle-relative).
        var common = new int[n + 1, m + 1];
        for (var i = n - 1; i >= 0; i--)
        {
            for (var j = m - 1; j >= 0; j--)
            {
                common[i, j] = string.Equals(a[aStart + i], b[bStart + j], StringComparison.Ordinal)
                    ? common[i + 1, j + 1] + 1
                    : Math.Max(common[i + 1, j], common[i, j + 1]);
            }
        }

        int x = 0, y = 0;
        while (x < n || y < m)
        {
            if (x < n && y < m && string.Equals(a[aStart + x], b[bStart + y], StringComparison.Ordinal))
            {
                lines.Add(new DiffLine(DiffKind.Same, a[aStart + x]));
                x++;
                y++;
            }
            else if (y == m || (x < n && common[x + 1, y] >= common[x, y + 1]))
            {
                // Ties favour removal, so a replaced block reads as its old lines, then its new ones.
                lines.Add(new DiffLine(DiffKind.Removed, a[aStart + x++]));
            }
            else
            {
                lines.Add(new DiffLine(DiffKind.Added, b[bStart + y++]));
            }
        }
    }
}
