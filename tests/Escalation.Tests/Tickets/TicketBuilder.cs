using CitizenBot.Escalation.Categories;
using CitizenBot.Escalation.Org;
using CitizenBot.Escalation.Tickets;

namespace CitizenBot.Escalation.Tests.Tickets;

/// <summary>
/// Builds a ticket already moved to a given status and level through the real commands. Times start at
/// <see cref="SubmittedAt"/> and move one minute per command; <see cref="Tick"/> hands out the next one to tests.
/// </summary>
internal sealed class TicketBuilder
{
    public const string GridId = "g-a1";
    public const string Worker = "w-a1";

    public static readonly DateTimeOffset SubmittedAt = new(2025, 3, 1, 9, 30, 0, TimeSpan.FromHours(8));
    public static readonly HolderChain Chain = new("c-a", "s-a", "hq");

    private TicketStatus _status = TicketStatus.Submitted;
    private OrgLevel _level = OrgLevel.Grid;
    private string? _phone = "13800000000";
    private int _minutes;

    public TicketBuilder InStatus(TicketStatus status)
    {
        _status = status;
        return this;
    }

    public TicketBuilder AtLevel(OrgLevel level)
    {
        _level = level;
        return this;
    }

    public TicketBuilder WithPhone(string? phone)
    {
        _phone = phone;
        return this;
    }

    /// <summary>The next instant, one minute after the previous one.</summary>
    public DateTimeOffset Tick() => SubmittedAt.AddMinutes(++_minutes);

    public Ticket Build()
    {
        var ticket = Ticket.Submit(
            TicketNumber.Create(new DateOnly(2025, 3, 1), 7),
            "lighting.stairwell",
            UrgencyGrade.Blue,
            "3号楼2单元楼道灯不亮",
            new TicketLocation(GridId, "红桥区某某里3号楼"),
            new Reporter("wx-resident-1", _phone),
            ["photo-1.jpg"],
            SubmittedAt);
        if (_status == TicketStatus.Submitted)
        {
            return ticket;
        }

        ticket.AssignToGrid(GridId, Chain, Tick());
        for (var level = OrgLevel.Grid; level != _level;)
        {
            level = LevelLadder.Above(level) ?? throw new InvalidOperationException("No level above the district.");
            ticket.Escalate(level, Chain.NodeAt(level), "超时未受理", Tick());
        }

        TicketStatus[] path = [TicketStatus.Accepted, TicketStatus.InProgress, TicketStatus.Resolved, TicketStatus.Closed];
        foreach (var step in path.TakeWhile(s => s <= _status))
        {
            Action<DateTimeOffset> command = step switch
            {
                TicketStatus.Accepted => at => ticket.Accept(Worker, at),
                TicketStatus.InProgress => at => ticket.Start(Worker, at),
                TicketStatus.Resolved => at => ticket.Resolve(Worker, "已更换灯泡", at),
                _ => at => ticket.Rate(Rating.Satisfied, at),
            };
            command(Tick());
        }

        return ticket;
    }
}
