using System.Globalization;

namespace CitizenBot.Escalation.Sla;

/// <summary>
/// Reads the duration text used in configuration: <c>hh:mm:ss</c> or <c>d.hh:mm:ss</c> (hours may exceed 23 when no
/// days are given, so <c>36:00:00</c> is 36 hours, unlike <see cref="TimeSpan.Parse(string)"/> which reads
/// <c>24:00</c> as 24 days), <c>Nh</c> and <c>Nm</c> for clock hours and minutes, <c>Nwd</c> for working days.
/// N is a whole number; units ignore case; surrounding spaces are ignored.
/// </summary>
internal static class SlaDurationText
{
    /// <summary>How to write a duration, for error messages.</summary>
    public const string Hint = "use hh:mm:ss, 4h, 30m or 3wd";

    // Caps keep arithmetic far from overflow and catch slips such as 30000m meant as 30m: a year of clock time, or
    // a year of working days.
    private const int MaxHours = 8_760;
    private const int MaxWorkingDays = 250;

    /// <summary>Parses <paramref name="text"/>; false when it is empty, malformed, zero, negative or over a year.</summary>
    public static bool TryParse(string? text, out SlaDuration duration)
    {
        duration = default;
        var span = text.AsSpan().Trim();
        if (span.IsEmpty)
        {
            return false;
        }

        if (span.Contains(':'))
        {
            return TryParseClockText(span, out duration);
        }

        if (span.EndsWith("wd", StringComparison.OrdinalIgnoreCase))
        {
            if (!TryWhole(span[..^2], MaxWorkingDays, out var days))
            {
                return false;
            }

            duration = SlaDuration.WorkingDays(days);
            return true;
        }

        var (unit, max) = char.ToLowerInvariant(span[^1]) switch
        {
            'h' => (TimeSpan.FromHours(1), MaxHours),
            'm' => (TimeSpan.FromMinutes(1), MaxHours * 60),
            _ => (TimeSpan.Zero, 0),
        };
        if (max == 0 || !TryWhole(span[..^1], max, out var count))
        {
            return false;
        }

        duration = SlaDuration.Clock(unit * count);
        return true;
    }

    private static bool TryParseClockText(ReadOnlySpan<char> span, out SlaDuration duration)
    {
        duration = default;
        var days = 0;
        var dot = span.IndexOf('.');
        if (dot >= 0)
        {
            if (!TryWhole(span[..dot], MaxHours / 24, out days))
            {
                return false;
            }

            span = span[(dot + 1)..];
        }

        Span<Range> parts = stackalloc Range[4];
        if (span.Split(parts, ':') != 3
            || !TryWholeOrZero(span[parts[0]], dot >= 0 ? 23 : MaxHours, out var hours)
            || span[parts[1]].Length != 2 || !TryWholeOrZero(span[parts[1]], 59, out var minutes)
            || span[parts[2]].Length != 2 || !TryWholeOrZero(span[parts[2]], 59, out var seconds))
        {
            return false;
        }

        var elapsed = new TimeSpan(days, hours, minutes, seconds);
        if (elapsed <= TimeSpan.Zero || elapsed > TimeSpan.FromHours(MaxHours))
        {
            return false;
        }

        duration = SlaDuration.Clock(elapsed);
        return true;
    }

    private static bool TryWhole(ReadOnlySpan<char> digits, int max, out int value) =>
        TryWholeOrZero(digits, max, out value) && value > 0;

    private static bool TryWholeOrZero(ReadOnlySpan<char> digits, int max, out int value) =>
        int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out value) && value <= max;
}
