using CitizenBot.Escalation.Org;
using CitizenBot.Escalation.Sla;

namespace CitizenBot.Escalation.Tests.Infrastructure;

/// <summary>The repository's org.yaml and calendar.yaml, loaded once for every test that needs the real content.</summary>
internal static class SeedContent
{
    private static readonly Lazy<Task<OrgTree>> LazyOrg = new(() =>
        OrgTreeLoader.LoadAsync(Path.Combine(RepositoryPaths.KnowledgeBase, "org.yaml"), CancellationToken.None));

    private static readonly Lazy<Task<WorkingDayCalendar>> LazyCalendar = new(() =>
        CalendarLoader.LoadAsync(Path.Combine(RepositoryPaths.KnowledgeBase, CalendarLoader.FileName), CancellationToken.None));

    /// <summary>The seed org tree; immutable, so one instance serves all tests.</summary>
    public static Task<OrgTree> OrgAsync() => LazyOrg.Value;

    /// <summary>The seed working-day calendar; immutable too.</summary>
    public static Task<WorkingDayCalendar> CalendarAsync() => LazyCalendar.Value;
}
