using System.Globalization;
using CitizenBot.Escalation.Sla;
using CitizenBot.Escalation.Tests.Infrastructure;

namespace CitizenBot.Escalation.Tests.Sla;

/// <summary>Parsing helpers for [Theory] rows, and the real knowledge-base calendar loaded once.</summary>
internal static class SlaTestData
{
    public static string RealCalendarPath => Path.Combine(RepositoryPaths.KnowledgeBase, CalendarLoader.FileName);

    public static WorkingDayCalendar RealCalendar { get; } = CalendarLoader.Parse(File.ReadAllText(RealCalendarPath));

    public static DateOnly Date(string text) => DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static DateTimeOffset Instant(string text) => DateTimeOffset.Parse(text, CultureInfo.InvariantCulture);
}
