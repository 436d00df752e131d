using CitizenBot.Testing;
using CitizenBot.Escalation.Categories;
using CitizenBot.Escalation.Org;
using CitizenBot.Escalation.Reporting;
using CitizenBot.Escalation.Scheduling;
using CitizenBot.Escalation.Sla;
using CitizenBot.Escalation.Tests.Infrastructure;
using CitizenBot.Escalation.Tickets;
using CitizenBot.Escalation.Tickets.Desk;
using CitizenBot.Escalation.Tickets.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CitizenBot.Escalation.Tests.Reporting;

/// <summary>
/// The real org.yaml and calendar.yaml, a manual clock, and one real <c>tickets.db</c> in its own temporary folder
/// with a store, desk, sweeper and reporter on it. Drill limits of one hour: accept and resolve within an hour of
/// arriving at a level, warning at half an hour, report and auto-close an hour later. Deleted on dispose.
/// </summary>
internal sealed class ReportingHarness : IAsyncDisposable
{
    public const string Worker = "w-report-test";

    private readonly string _directory;

    private ReportingHarness(string directory, ManualTimeProvider clock, OrgTree org, TicketStore store, SlaPolicy policy, WorkingDayCalendar calendar)
    {
        _directory = directory;
        Clock = clock;
        Org = org;
        Store = store;
        Desk = new TicketDesk(store, org, policy, calendar, Clock, NullLogger<TicketDesk>.Instance);
        Sweeper = new EscalationSweeper(store, policy, calendar, Clock, Options.Create(new EscalationSweeperOptions()), NullLogger<EscalationSweeper>.Instance);
    }

    public ManualTimeProvider Clock { get; }

    public OrgTree Org { get; }

    public TicketStore Store { get; }

    public TicketDesk Desk { get; }

    public EscalationSweeper Sweeper { get; }

    public TicketReporter Reporter { get; private set; } = null!;

    public string DatabasePath => Path.Combine(_directory, "tickets.db");

    /// <summary>A harness whose clock starts at <paramref name="start"/>.</summary>
    public static async Task<ReportingHarness> CreateAsync(DateTimeOffset start)
    {
        var org = await SeedContent.OrgAsync();
        var calendar = await SeedContent.CalendarAsync();
        var policy = new SlaPolicy(new EscalationOptions { DrillSla = TimeSpan.FromHours(1) });
        var directory = Path.Combine(Path.GetTempPath(), "citizenbot-reporting-" + Guid.NewGuid().ToString("N"));
        var clock = new ManualTimeProvider(start);
        var store = await TicketStore.OpenAsync(Path.Combine(directory, "tickets.db"), clock, CancellationToken.None);
        var harness = new ReportingHarness(directory, clock, org, store, policy, calendar);
        harness.Reporter = await TicketReporter.CreateAsync(new TicketConnectionFactory(harness.DatabasePath), org, clock, CancellationToken.None);
        return harness;
    }

    /// <summary>Files a complaint in <paramref name="gridId"/> now.</summary>
    public async Task<TicketNumber> SubmitAsync(string gridId) =>
        (await Desk.SubmitAsync(
            new NewTicket("lighting.stairwell", UrgencyGrade.Red, "3号楼2单元楼道灯不亮", new TicketLocation(gridId, "3号楼"), new Reporter("wx-resident-1", "13800000000"), []),
            CancellationToken.None)).Number;

    public Task AcceptAsync(TicketNumber number) => ApplyAsync(number, (t, now) => t.Accept(Worker, now));

    public Task ResolveAsync(TicketNumber number) => ApplyAsync(number, (t, now) => t.Resolve(Worker, "已更换灯泡", now));

    public Task RateAsync(TicketNumber number, Rating rating) => ApplyAsync(number, (t, now) => t.Rate(rating, now));

    public async Task<Ticket> GetAsync(TicketNumber number) =>
        await Store.GetAsync(number, CancellationToken.None) ?? throw new InvalidOperationException($"No ticket {number}.");

    public ValueTask DisposeAsync()
    {
        Store.Dispose();
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }

        return ValueTask.CompletedTask;
    }

    private async Task ApplyAsync(TicketNumber number, Action<Ticket, DateTimeOffset> command)
    {
        var ticket = await Desk.ApplyAsync(number, t => command(t, Clock.GetUtcNow()), CancellationToken.None);
        Assert.NotNull(ticket);
    }
}
