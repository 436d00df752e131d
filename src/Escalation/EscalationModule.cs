using CitizenBot.Escalation.Categories;
using CitizenBot.Escalation.Org;
using CitizenBot.Escalation.Reporting;
using CitizenBot.Escalation.Sla;
using CitizenBot.Escalation.Tickets;
using CitizenBot.Escalation.Tickets.Desk;
using CitizenBot.Escalation.Tickets.Storage;
using Microsoft.Extensions.Logging;

namespace CitizenBot.Escalation;

/// <summary>
/// The escalation module's front door for the host: loads org.yaml, categories.yaml and calendar.yaml from the
/// content folder, opens the ticket database in the data directory, and hands out the tree, the catalog and the desk.
/// </summary>
/// <remarks>Call <see cref="InitializeAsync"/> once before use; every other member is thread-safe.</remarks>
internal sealed class EscalationModule(
    EscalationPaths paths,
    SlaPolicy policy,
    TimeProvider timeProvider,
    ILoggerFactory loggerFactory,
    TicketChangeFeed changes) : IDisposable
{
    private const int CalendarHorizonDays = 45;

    private readonly ILogger _logger = loggerFactory.CreateLogger<EscalationModule>();
    private Loaded? _loaded;

    public OrgTree OrgTree => Get().Org;

    public CategoryCatalog CategoryCatalog => Get().Categories;

    /// <summary>Places address-only tickets in a grid; built once from the tree.</summary>
    public GridLocator GridLocator => Get().Locator;

    public WorkingDayCalendar Calendar => Get().Calendar;

    public TicketStore TicketStore => Get().Store;

    public TicketDesk TicketDesk => Get().Desk;

    /// <summary>The dashboard figures (open, 办结率, on-time rate, satisfaction, 督办) per org node and period.</summary>
    public TicketReporter TicketReporter => Get().Reporter;

    /// <summary>Whether <see cref="InitializeAsync"/> has completed.</summary>
    public bool IsInitialized => _loaded is not null;

    /// <summary>Loads and validates the three content files, then opens (creating if needed) the ticket database.</summary>
    /// <exception cref="EscalationContentException">A content file is missing or invalid; the message lists every problem as <c>file:line: message</c>.</exception>
    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        if (_loaded is not null)
        {
            return;
        }

        // Every file is read before failing, so a curator sees the problems of all three in one start-up.
        var errors = new List<string>();
        var org = await LoadAsync(paths.OrgFile, OrgTreeLoader.LoadAsync, errors, cancellationToken);
        var categories = await LoadAsync(paths.CategoriesFile, CategoryCatalogLoader.LoadAsync, errors, cancellationToken);
        var calendar = await LoadAsync(paths.CalendarFile, CalendarLoader.LoadAsync, errors, cancellationToken);
        if (org is null || categories is null || calendar is null)
        {
            throw new EscalationContentException(
                $"The escalation content at {paths.ContentDirectory} has errors:\n{string.Join('\n', errors)}");
        }

        var store = await TicketStore.OpenAsync(paths.DatabasePath, timeProvider, loggerFactory.CreateLogger<TicketStore>(), cancellationToken);
        var desk = new TicketDesk(store, org, policy, calendar, timeProvider, loggerFactory.CreateLogger<TicketDesk>(), changes);
        var reporter = await TicketReporter.CreateAsync(new TicketConnectionFactory(paths.DatabasePath), org, timeProvider, cancellationToken);
        _loaded = new Loaded(org, categories, calendar, store, desk, reporter, new GridLocator(org));
        // Working-day deadlines reach a few weeks ahead; warn while there is still time to add next year's arrangement.
        var horizon = BeijingTime.DateOf(timeProvider.GetUtcNow().AddDays(CalendarHorizonDays));
        if (!calendar.Covers(horizon))
        {
            Log.CalendarYearMissing(_logger, horizon.Year);
        }

        Log.ModuleInitialized(_logger, paths.ContentDirectory, org.Nodes.Count, categories.Items.Length, paths.DatabasePath);
    }

    public void Dispose() => _loaded?.Store.Dispose();

    private static async Task<T?> LoadAsync<T>(
        string path,
        Func<string, CancellationToken, Task<T>> load,
        List<string> errors,
        CancellationToken cancellationToken)
        where T : class
    {
        if (!File.Exists(path))
        {
            errors.Add($"{Path.GetFileName(path)}: file not found at {path}");
            return null;
        }

        try
        {
            return await load(path, cancellationToken);
        }
        catch (EscalationContentException ex)
        {
            errors.Add(ex.Message);
            return null;
        }
    }

    private Loaded Get() =>
        _loaded ?? throw new InvalidOperationException("The escalation module is not initialized; call InitializeAsync at start-up.");

    private sealed record Loaded(OrgTree Org, CategoryCatalog Categories, WorkingDayCalendar Calendar, TicketStore Store, TicketDesk Desk, TicketReporter Reporter, GridLocator Locator);
}
