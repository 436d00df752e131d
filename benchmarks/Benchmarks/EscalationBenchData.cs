using CitizenBot.Escalation;
using CitizenBot.Escalation.Categories;
using CitizenBot.Escalation.Org;
using CitizenBot.Escalation.Sla;
using CitizenBot.Escalation.Tickets;
using CitizenBot.Escalation.Tickets.Desk;

namespace CitizenBot.Benchmarks;

/// <summary>The repository's real org tree, calendar and default SLA policy, which the ticket benchmarks file tickets against.</summary>
internal sealed record EscalationBenchData(EscalationPaths Paths, OrgTree Org, WorkingDayCalendar Calendar, SlaPolicy Policy)
{
    /// <summary>The grid ids of the org tree, in file order.</summary>
    public IReadOnlyList<string> Grids { get; } = [.. Org.Nodes.Where(n => n.Level == OrgLevel.Grid).Select(n => n.Id)];

    /// <summary>Loads the content from the repository's knowledge base; <paramref name="databasePath"/> is where tickets go.</summary>
    public static async Task<EscalationBenchData> LoadAsync(string databasePath, CancellationToken cancellationToken)
    {
        var paths = new EscalationPaths(RepoPaths.Find().KnowledgeBase, databasePath);
        var org = await OrgTreeLoader.LoadAsync(paths.OrgFile, cancellationToken);
        var calendar = await CalendarLoader.LoadAsync(paths.CalendarFile, cancellationToken);
        return new EscalationBenchData(paths, org, calendar, new SlaPolicy(new EscalationOptions()));
    }

    /// <summary>A complaint in the <paramref name="index"/>th grid (cycling), as the bot would hand it to the desk.</summary>
    public NewTicket Complaint(int index, UrgencyGrade urgency = UrgencyGrade.Blue) => new(
        "lighting.stairwell",
        urgency,
        "3号楼2单元楼道灯不亮，晚上上下楼很不方便，请尽快维修",
        new TicketLocation(Grids[index % Grids.Count], "子牙里3号楼2单元"),
        new Reporter("wx-bench-" + (index % 10_000), "13800000000"),
        []);
}
