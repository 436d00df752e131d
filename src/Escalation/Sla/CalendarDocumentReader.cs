using System.Collections.Frozen;
using System.Globalization;
using YamlDotNet.RepresentationModel;

namespace CitizenBot.Escalation.Sla;

/// <summary>
/// Walks the calendar.yaml document (format described at the top of the file), recording every problem with its
/// line and reading on, so that one run reports all of them.
/// </summary>
internal sealed class CalendarDocumentReader(List<CalendarError> errors)
{
    private static readonly FrozenSet<string> RootKeys = FrozenSet.Create(StringComparer.Ordinal, "timeZone", "years");
    private static readonly FrozenSet<string> YearKeys = FrozenSet.Create(StringComparer.Ordinal, "year", "source", "holidays", "makeUpWorkdays");
    private static readonly FrozenSet<string> HolidayKeys = FrozenSet.Create(StringComparer.Ordinal, "name", "from", "to");
    private static readonly FrozenSet<string> MakeUpKeys = FrozenSet.Create(StringComparer.Ordinal, "date", "holiday");

    private readonly YamlNodeChecker _check = new(errors);
    private readonly CalendarEntryIndex _index = new(errors);
    private readonly Dictionary<int, long> _yearLines = [];

    public IReadOnlyList<CalendarYear> Read(YamlNode root)
    {
        var years = new List<CalendarYear>();
        if (!_check.TryMapping(root, "the calendar", out var map))
        {
            return years;
        }

        _check.CheckKeys(map, RootKeys, "the calendar");
        var zone = _check.RequiredText(map, "timeZone", "the calendar");
        if (zone is not null && !string.Equals(zone, BeijingTime.ZoneId, StringComparison.Ordinal))
        {
            _check.Error(YamlNodeChecker.Find(map, "timeZone")!, $"timeZone must be {BeijingTime.ZoneId} (deadlines use its fixed UTC+08:00 offset), not '{zone}'");
        }

        years.AddRange(ReadList(map, "years", "the calendar", ReadYear));
        _index.ReportConflicts();
        return years;
    }

    private CalendarYear? ReadYear(YamlNode node)
    {
        if (!_check.TryMapping(node, "a year", out var map))
        {
            return null;
        }

        _check.CheckKeys(map, YearKeys, "a year");
        var year = ReadYearNumber(map);
        var source = YamlNodeChecker.Find(map, "source") is { } sourceNode && _check.TryScalar(sourceNode, "source", out var text) ? text : null;
        var holidays = ReadList(map, "holidays", "a year", n => ReadHoliday(n, year));
        var makeUps = ReadList(map, "makeUpWorkdays", "a year", n => ReadMakeUpWorkday(n, year));
        return year is { } y ? new CalendarYear(y, source, holidays, makeUps) : null;
    }

    private int? ReadYearNumber(YamlMappingNode map)
    {
        if (_check.Required(map, "year", "a year") is not { } node || !_check.TryScalar(node, "year", out var text))
        {
            return null;
        }

        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var year) || year is < 2000 or > 2100)
        {
            _check.Error(node, $"'{text}' is not a year between 2000 and 2100");
            return null;
        }

        if (_yearLines.TryGetValue(year, out var firstLine))
        {
            _check.Error(node, $"year {text} is already listed on line {firstLine.ToString(CultureInfo.InvariantCulture)}");
            return null;
        }

        _yearLines[year] = YamlNodeChecker.Line(node);
        return year;
    }

    private HolidayPeriod? ReadHoliday(YamlNode node, int? year)
    {
        if (!_check.TryMapping(node, "a holiday", out var map))
        {
            return null;
        }

        _check.CheckKeys(map, HolidayKeys, "a holiday");
        var name = _check.RequiredText(map, "name", "a holiday");
        var from = _check.Required(map, "from", "a holiday") is { } fromNode ? ReadDate(fromNode, "from", year) : null;
        var toNode = YamlNodeChecker.Find(map, "to");
        var to = toNode is null ? from : ReadDate(toNode, "to", year);
        if (name is null || from is null || to is null)
        {
            return null;
        }

        if (to < from)
        {
            _check.Error(toNode!, $"holiday {name} ends on {CalendarEntryIndex.Iso(to.Value)}, before it starts on {CalendarEntryIndex.Iso(from.Value)}");
            return null;
        }

        var holiday = new HolidayPeriod(name, from.Value, to.Value);
        _index.AddHoliday(holiday, YamlNodeChecker.Line(map));
        return holiday;
    }

    private MakeUpWorkday? ReadMakeUpWorkday(YamlNode node, int? year)
    {
        if (!_check.TryMapping(node, "a make-up working day", out var map))
        {
            return null;
        }

        _check.CheckKeys(map, MakeUpKeys, "a make-up working day");
        var dateNode = _check.Required(map, "date", "a make-up working day");
        var date = dateNode is null ? null : ReadDate(dateNode, "date", year);
        var holiday = _check.RequiredText(map, "holiday", "a make-up working day");
        if (date is null || holiday is null)
        {
            return null;
        }

        if (date.Value.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday))
        {
            _check.Error(dateNode!, $"make-up working day {CalendarEntryIndex.Iso(date.Value)} is a {date.Value.DayOfWeek}, already a working day; make-up days are weekends");
            return null;
        }

        var workday = new MakeUpWorkday(date.Value, holiday);
        _index.AddMakeUpWorkday(workday, YamlNodeChecker.Line(map));
        return workday;
    }

    private DateOnly? ReadDate(YamlNode node, string key, int? year)
    {
        if (!_check.TryScalar(node, key, out var text))
        {
            return null;
        }

        if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            _check.Error(node, $"'{key}' is '{text}', not a date in the form yyyy-MM-dd");
            return null;
        }

        if (year is { } y && date.Year != y)
        {
            _check.Error(node, $"{text} is outside the year {y.ToString(CultureInfo.InvariantCulture)} it is listed under");
            return null;
        }

        return date;
    }

    private List<T> ReadList<T>(YamlMappingNode map, string key, string what, Func<YamlNode, T?> read)
        where T : class
    {
        var items = new List<T>();
        if (_check.Required(map, key, what) is { } node && _check.TrySequence(node, key, out var sequence))
        {
            foreach (var child in sequence)
            {
                if (read(child) is { } item)
                {
                    items.Add(item);
                }
            }
        }

        return items;
    }
}
