using CitizenBot.Testing;
using CitizenBot.Escalation.Categories;
using CitizenBot.Escalation.Org;
using CitizenBot.Escalation.Scheduling;
using CitizenBot.Escalation.Sla;
using CitizenBot.Escalation.Tests.Infrastructure;
using CitizenBot.Escalation.Tickets;
using CitizenBot.Escalation.Tickets.Desk;
using CitizenBot.Escalation.Tickets.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CitizenBot.Escalation.Tests.Scheduling;

/// <summary>
/// The real org.yaml and calendar.yaml, a manual clock and a real <c>tickets.db</c> in its own temporary folder;
/// builds desks and sweepers over stores opened on that one file. Deleted on dispose.
/// </summary>
internal sealed class EscalationHarness : IAsyncDisposable
{
    public const string GridId = "g-xyz-01-01";

    /// <summary>Monday 3 March 2025, 09:00 in Beijing: a working day, though drill limits are clock time anyway.</summary>
    public static readonly DateTimeOffset Start = new(2025, 3, 3, 9, 0, 0, TimeSpan.FromHours(8));

    private readonly string _directory = Path.Combine(Path.GetTempPath(), "citizenbot-sweeper-" + Guid.NewGuid().ToString("N"));
    private readonly List<TicketStore> _stores = [];

    private EscalationHarness(OrgTree org, WorkingDayCalendar calendar, SlaPolicy policy)
    {
        Org = org;
        Calendar = calendar;
        Policy = policy;
    }

    public ManualTimeProvider Clock { get; } = new(Start);

    public OrgTree Org { get; }

    public WorkingDayCalendar Calendar { get; }

    public SlaPolicy Policy { get; }

    public HolderChain Chain => HolderChain.Above(Org, GridId);

    /// <summary>Drill mode: every limit 2 s, the warning 1 s before it.</summary>
    public static Task<EscalationHarness> CreateDrillAsync() => CreateAsync(new EscalationOptions { DrillSla = TimeSpan.FromSeconds(2) });

    public static async Task<EscalationHarness> CreateAsync(EscalationOptions options)
    {
        var org = await SeedContent.OrgAsync();
        var calendar = await SeedContent.CalendarAsync();
        return new EscalationHarness(org, calendar, new SlaPolicy(options));
    }

    public static NewTicket Complaint(UrgencyGrade urgency = UrgencyGrade.Red) => new(
        "lighting.stairwell",
        urgency,
        "3号楼2单元楼道灯不亮",
        new TicketLocation(GridId, "子牙里3号楼"),
        new Reporter("wx-resident-1", "13800000000"),
        []);

    /// <summary>A new store (its own writer connection) on the harness's one database file.</summary>
    public async Task<TicketStore> OpenStoreAsync()
    {
        var store = await TicketStore.OpenAsync(Path.Combine(_directory, "tickets.db"), Clock, CancellationToken.None);
        _stores.Add(store);
        return store;
    }

    public TicketDesk Desk(TicketStore store, TicketChangeFeed? changes = null) =>
        new(store, Org, Policy, Calendar, Clock, NullLogger<TicketDesk>.Instance, changes);

    public EscalationSweeper Sweeper(TicketStore store, TicketChangeFeed? changes = null) =>
        new(store, Policy, Calendar, Clock, Options.Create(new EscalationSweeperOptions()), NullLogger<EscalationSweeper>.Instance, changes);

    public ValueTask DisposeAsync()
    {
        foreach (var store in _stores)
        {
            store.Dispose();
        }

        SqliteConnection.ClearAllPools();
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }

        return ValueTask.CompletedTask;
    }
}
