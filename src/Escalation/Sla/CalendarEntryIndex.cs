namespace CitizenBot.Escalation.Sla;

/// <summary>
/// Tracks every date the calendar file lists, across all years, to report overlapping holidays, repeated make-up
/// days and dates that are both.
/// </summary>
internal sealed class CalendarEntryIndex(List<CalendarError> errors)
{
    private readonly List<CalendarError> _errors = errors;
    private readonly Dictionary<DateOnly, (string Name, long Line)> _holidayDays = [];
    private readonly Dictionary<DateOnly, (string Holiday, long Line)> _makeUpDays = [];

    public void AddHoliday(HolidayPeriod holiday, long line)
    {
        foreach (var day in holiday.Days())
        {
            if (_holidayDays.TryGetValue(day, out var other))
            {
                _errors.Add(new CalendarError(line, $"holiday {holiday.Name} {Iso(holiday.First)}..{Iso(holiday.Last)} overlaps {other.Name} on line {other.Line} (both include {Iso(day)})"));
                return;
            }
        }

        foreach (var day in holiday.Days())
        {
            _holidayDays[day] = (holiday.Name, line);
        }
    }

    public void AddMakeUpWorkday(MakeUpWorkday workday, long line)
    {
        if (_makeUpDays.TryGetValue(workday.Date, out var other))
        {
            _errors.Add(new CalendarError(line, $"make-up working day {Iso(workday.Date)} is already listed on line {other.Line}"));
            return;
        }

        _makeUpDays[workday.Date] = (workday.Holiday, line);
    }

    /// <summary>Reports, at the make-up day's line, each date listed both as a holiday and as a make-up working day.</summary>
    public void ReportConflicts()
    {
        foreach (var (date, makeUp) in _makeUpDays)
        {
            if (_holidayDays.TryGetValue(date, out var holiday))
            {
                _errors.Add(new CalendarError(makeUp.Line, $"{Iso(date)} is both a make-up working day and a day off of {holiday.Name} on line {holiday.Line}"));
            }
        }
    }

    public static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
