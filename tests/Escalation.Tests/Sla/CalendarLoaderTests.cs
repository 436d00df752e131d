using CitizenBot.Escalation.Sla;
using static CitizenBot.Escalation.Tests.Sla.SlaTestData;

namespace CitizenBot.Escalation.Tests.Sla;

public sealed class CalendarLoaderTests
{
    // A valid calendar; each validation row replaces one numbered line (1-based) with broken text.
    private static readonly string[] ValidLines =
    [
        "timeZone: Asia/Shanghai",                           // 1
        "years:",                                            // 2
        "  - year: 2025",                                    // 3
        "    holidays:",                                     // 4
        "      - { name: 元旦, from: 2025-01-01 }",           // 5
        "    makeUpWorkdays:",                               // 6
        "      - { date: 2025-01-26, holiday: 春节 }",         // 7
    ];

    [Fact]
    public async Task LoadAsync_LoadsBothPublishedYears_WhenRealKnowledgeBaseFile()
    {
        var calendar = await CalendarLoader.LoadAsync(RealCalendarPath, CancellationToken.None);

        Assert.Equal([2025, 2026], calendar.KnownYears);
        Assert.Equal("国庆节、中秋节", calendar.HolidayName(Date("2025-10-01")));
        Assert.Equal("春节", calendar.HolidayName(Date("2026-02-15")));
        Assert.Null(calendar.HolidayName(Date("2026-02-14")));
    }

    [Fact]
    public void Parse_ReadsSingleDayHoliday_WhenToIsOmitted()
    {
        var calendar = CalendarLoader.Parse(string.Join('\n', ValidLines));

        Assert.Equal([2025], calendar.KnownYears);
        Assert.False(calendar.IsWorkingDay(Date("2025-01-01")));
        Assert.True(calendar.IsWorkingDay(Date("2025-01-02")));
        Assert.True(calendar.IsWorkingDay(Date("2025-01-26")));
    }

    [Theory]
    [InlineData(1, "timeZone: UTC", 1, "timeZone must be Asia/Shanghai")]
    [InlineData(5, "      - { name: 元旦, from: 2025-02-30 }", 5, "not a date in the form yyyy-MM-dd")]
    [InlineData(5, "      - { name: 元旦, from: 2025/01/01 }", 5, "not a date in the form yyyy-MM-dd")]
    [InlineData(5, "      - { name: 元旦, from: 2026-01-01 }", 5, "outside the year 2025")]
    [InlineData(5, "      - { name: 春节, from: 2025-01-28, to: 2025-01-20 }", 5, "before it starts")]
    [InlineData(5, "      - { name: 元旦, from: 2025-01-01, until: 2025-01-02 }", 5, "unknown key 'until'")]
    [InlineData(5, "      - { from: 2025-01-01 }", 5, "missing 'name'")]
    [InlineData(5, "      - { name: 春节, from: 2025-01-25, to: 2025-01-27 }", 7, "both a make-up working day and a day off of 春节 on line 5")]
    [InlineData(5, "      - { name: 元旦, from: 2025-01-01 }\n      - { name: 春节, from: 2024-12-31, to: 2025-01-01 }", 6, "outside the year")]
    [InlineData(5, "      - { name: 元旦, from: 2025-01-01 }\n      - { name: 元旦, from: 2025-01-01, to: 2025-01-02 }", 6, "overlaps 元旦 on line 5")]
    [InlineData(7, "      - { date: 2025-01-26, holiday: 春节 }\n      - { date: 2025-01-26, holiday: 春节 }", 8, "already listed on line 7")]
    [InlineData(7, "      - { date: 2025-01-27, holiday: 春节 }", 7, "is a Monday")]
    [InlineData(7, "      - { date: 2025-01-26, holiday: 春节, note: x }", 7, "unknown key 'note'")]
    [InlineData(7, "      - { date: 2025-01-26, holiday: 春节 }\nextra: 1", 8, "unknown key 'extra' in the calendar")]
    [InlineData(3, "  - year: 2025\n    sauce: x", 4, "unknown key 'sauce' in a year")]
    [InlineData(3, "  - year: twenty", 3, "not a year")]
    [InlineData(7, "      - { date: 2025-01-26, holiday: 春节 }\n  - year: 2025\n    holidays: []\n    makeUpWorkdays: []", 8, "year 2025 is already listed on line 3")]
    [InlineData(3, "  - year: 2025\n    source: [a, b]", 4, "'source' must be a single non-empty value")]
    [InlineData(7, "      - { date: 2025-01-26, holiday: 春节 }\n  - just text", 8, "a year must be a mapping")]
    public void Parse_ReportsLine_WhenContentIsInvalid(int replaceLine, string replacement, int expectedLine, string expected)
    {
        var lines = ValidLines.ToArray();
        lines[replaceLine - 1] = replacement;

        var ex = Assert.Throws<EscalationContentException>(() => CalendarLoader.Parse(string.Join('\n', lines)));

        Assert.Contains(ex.Message.Split('\n'), l => l.StartsWith($"calendar.yaml:{expectedLine}: ", StringComparison.Ordinal) && l.Contains(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void Parse_ReportsLine_WhenYamlIsMalformed()
    {
        var ex = Assert.Throws<EscalationContentException>(() => CalendarLoader.Parse("timeZone: Asia/Shanghai\nyears:\n  - year: [2025\n"));

        Assert.Contains("invalid YAML", ex.Message, StringComparison.Ordinal);
        Assert.Matches(@"calendar\.yaml:[1-4]: ", ex.Message);
    }

    [Fact]
    public void Parse_ReportsEveryProblemInLineOrder_WhenSeveralLinesAreInvalid()
    {
        var lines = ValidLines.ToArray();
        lines[0] = "timeZone: Europe/Berlin";
        lines[4] = "      - { name: 元旦, from: 2025-13-01 }";
        lines[6] = "      - { date: 2025-01-27, holiday: 春节 }";

        var ex = Assert.Throws<EscalationContentException>(() => CalendarLoader.Parse(string.Join('\n', lines), "calendar.yaml"));

        var reported = ex.Message.Split('\n').Where(l => l.StartsWith("calendar.yaml:", StringComparison.Ordinal)).ToList();
        Assert.Contains("(3 problem(s))", ex.Message, StringComparison.Ordinal);
        Assert.Equal(3, reported.Count);
        Assert.StartsWith("calendar.yaml:1: ", reported[0], StringComparison.Ordinal);
        Assert.StartsWith("calendar.yaml:5: ", reported[1], StringComparison.Ordinal);
        Assert.StartsWith("calendar.yaml:7: ", reported[2], StringComparison.Ordinal);
    }
}
