using System.Collections.Frozen;

namespace CitizenBot.Escalation.Sla;

/// <summary>
/// Which Beijing calendar dates are working days: Monday to Friday, minus the State Council's holidays, plus its
/// make-up working days (调休上班). Immutable and thread-safe; build it with <see cref="CalendarLoader"/>.
/// </summary>
/// <remarks>
/// Years without a published arrangement in the file (see <see cref="Covers"/>) fall back to plain Monday–Friday:
/// holidays in those years count as working days, so deadlines there can come early. Callers that care should
/// check <see cref="Covers"/> and keep calendar.yaml a year ahead.
/// </remarks>
internal sealed class WorkingDayCalendar
{
    private readonly FrozenSet<int> _knownYears;
    private readonly FrozenDictionary<DateOnly, string> _holidays;
    private readonly FrozenSet<DateOnly> _makeUpWorkdays;

    public WorkingDayCalendar(IEnumerable<CalendarYear> years)
    {
        ArgumentNullException.ThrowIfNull(years);
        var list = years.ToList();
        _knownYears = list.Select(y => y.Year).ToFrozenSet();
        _holidays = list.SelectMany(y => y.Holidays)
            .SelectMany(h => h.Days(), (h, day) => KeyValuePair.Create(day, h.Name))
            .ToFrozenDictionary();
        _makeUpWorkdays = list.SelectMany(y => y.MakeUpWorkdays).Select(m => m.Date).ToFrozenSet();
    }

    /// <summary>A calendar that knows no year: every date is plain Monday–Friday.</summary>
    public static WorkingDayCalendar WeekdaysOnly { get; } = new([]);

    /// <summary>The years whose official arrangement is loaded, ascending.</summary>
    public IReadOnlyList<int> KnownYears => [.. _knownYears.Order()];

    /// <summary>Whether <paramref name="date"/> falls in a year whose official arrangement is loaded.</summary>
    public bool Covers(DateOnly date) => _knownYears.Contains(date.Year);

    /// <summary>Whether <paramref name="date"/> (a Beijing calendar date) is a working day.</summary>
    public bool IsWorkingDay(DateOnly date)
    {
        if (_makeUpWorkdays.Contains(date))
        {
            return true;
        }

        return !_holidays.ContainsKey(date) && date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday);
    }

    /// <summary>The festival name if <paramref name="date"/> is a listed holiday; otherwise null.</summary>
    public string? HolidayName(DateOnly date) => _holidays.GetValueOrDefault(date);

    /// <summary>The first working day strictly after <paramref name="date"/>.</summary>
    public DateOnly NextWorkingDay(DateOnly date)
    {
        var day = date.AddDays(1);
        while (!IsWorkingDay(day))
        {
            day = day.AddDays(1);
        }

        return day;
    }

    /// <summary>
    /// The <paramref name="workingDays"/>-th working day strictly after <paramref name="date"/> ("counted from the
    /// day after"), whether or not <paramref name="date"/> itself is a working day; 0 returns <paramref name="date"/>.
    /// </summary>
    public DateOnly AddWorkingDays(DateOnly date, int workingDays)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(workingDays);
        var day = date;
        for (var i = 0; i < workingDays; i++)
        {
            day = NextWorkingDay(day);
        }

        return day;
    }
}
