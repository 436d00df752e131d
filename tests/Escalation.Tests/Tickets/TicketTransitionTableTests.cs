using CitizenBot.Escalation.Org;
using CitizenBot.Escalation.Tickets;

namespace CitizenBot.Escalation.Tests.Tickets;

/// <summary>Every (state, command) pair: the mirror of the table above the commands in Ticket.Transitions.cs.</summary>
public sealed class TicketTransitionTableTests
{
    // Rows are commands, columns the state before; "-" means the command throws TicketTransitionException.
    // Each row runs at the level given, so level-bound commands (dispatch, 督办) get a level where they can succeed.
    private const string Table = """
        command          level     Submitted Assigned Accepted   InProgress Resolved Closed
        AssignToGrid     Grid      Assigned  -        -          -          -        -
        Accept           Grid      -         Accepted -          -          -        -
        Start            Grid      -         -        InProgress -          -        -
        AddNote          Grid      Submitted Assigned Accepted   InProgress Resolved -
        RecordReply      Grid      -         Assigned Accepted   InProgress Resolved -
        Dispatch         Street    -         -        InProgress InProgress -        -
        Resolve          Grid      -         -        Resolved   Resolved   -        -
        RateSatisfied    Grid      -         -        -          -          Closed   -
        RateFairly       Grid      -         -        -          -          Closed   -
        RateDissatisfied Grid      -         -        -          -          Assigned -
        Reopen           Grid      -         -        -          -          InProgress -
        AutoClose        Grid      -         -        -          -          Closed   -
        Escalate         Grid      -         Assigned Assigned   Assigned   -        -
        FlagSupervised   District  -         Assigned Accepted   InProgress -        -
        RecordWarning    Grid      -         Assigned Accepted   InProgress -        -
        RecordUrge       Grid      -         Assigned Accepted   InProgress -        -
        RecordReport     Grid      -         Assigned Accepted   InProgress -        -
        """;

    public static TheoryData<string, string, string, string> Rows()
    {
        var rows = new TheoryData<string, string, string, string>();
        var lines = Table.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var states = lines[0].Split(' ', StringSplitOptions.RemoveEmptyEntries)[2..];
        foreach (var line in lines[1..])
        {
            var cells = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            for (var i = 0; i < states.Length; i++)
            {
                rows.Add(cells[0], cells[1], states[i], cells[i + 2]);
            }
        }

        return rows;
    }

    [Fact]
    public void Table_CoversEveryStateAndCommand()
    {
        // Rate has three rows (one per rating); every other command has one.
        var commandRows = Enum.GetValues<TicketCommand>().Length + 2;
        Assert.Equal(Enum.GetValues<TicketStatus>().Length * commandRows, Rows().Count);
    }

    [Theory]
    [MemberData(nameof(Rows))]
    public void Command_MovesOrThrows_AsTheTableSays(string command, string level, string state, string expected)
    {
        var from = Enum.Parse<TicketStatus>(state);
        var builder = new TicketBuilder().InStatus(from).AtLevel(Enum.Parse<OrgLevel>(level));
        var ticket = builder.Build();
        var version = ticket.Version;
        var eventCount = ticket.Events.Count;

        if (expected != "-")
        {
            var to = Enum.Parse<TicketStatus>(expected);
            Apply(ticket, command, builder.Tick());
            Assert.Equal(to, ticket.Status);
            Assert.Equal(version + 1, ticket.Version);
            Assert.True(ticket.Events.Count > eventCount);
        }
        else
        {
            var error = Assert.Throws<TicketTransitionException>(() => Apply(ticket, command, builder.Tick()));
            Assert.Equal(from, error.Status);
            Assert.False(string.IsNullOrWhiteSpace(error.Reason));
            Assert.Equal(from, ticket.Status);
            Assert.Equal(version, ticket.Version);
            Assert.Equal(eventCount, ticket.Events.Count);
        }
    }

    private static void Apply(Ticket ticket, string command, DateTimeOffset at)
    {
        const string Actor = TicketBuilder.Worker;
        Action apply = command switch
        {
            "AssignToGrid" => () => ticket.AssignToGrid(TicketBuilder.GridId, TicketBuilder.Chain, at),
            "Accept" => () => ticket.Accept(Actor, at),
            "Start" => () => ticket.Start(Actor, at),
            "AddNote" => () => ticket.AddNote(Actor, "已电话联系居民", at),
            "RecordReply" => () => ticket.RecordReply(Actor, "您好，我们已安排人员处理", at),
            "Dispatch" => () => ticket.DispatchToDepartment(Actor, "dept-city-mgmt", "请城管科处理", at),
            "Resolve" => () => ticket.Resolve(Actor, "已更换灯泡", at),
            "RateSatisfied" => () => ticket.Rate(Rating.Satisfied, at),
            "RateFairly" => () => ticket.Rate(Rating.FairlySatisfied, at),
            "RateDissatisfied" => () => ticket.Rate(Rating.Dissatisfied, at),
            "Reopen" => () => ticket.Reopen(Actor, "居民反映问题仍未解决", at),
            "AutoClose" => () => ticket.AutoClose(at),
            "Escalate" => () => ticket.Escalate(OrgLevel.Community, TicketBuilder.Chain.CommunityNodeId, "超时未办结", at),
            "FlagSupervised" => () => ticket.FlagSupervised("区级督办", at),
            "RecordWarning" => () => ticket.RecordWarning(at),
            "RecordUrge" => () => ticket.RecordUrge(at),
            "RecordReport" => () => ticket.RecordReport(at),
            _ => throw new ArgumentOutOfRangeException(nameof(command), command, "Not a command in the table."),
        };
        apply();
    }
}
