using CitizenBot.Escalation.Tickets;

namespace CitizenBot.Escalation.Reporting;

/// <summary>
/// The report queries over <c>tickets</c> (alias <c>t</c>) and <c>ticket_events</c> (alias <c>e</c>). Each holds
/// <see cref="ScopeMarker"/> where the scope predicate goes: every ticket for the district, else the grids within the
/// scope node, bound as the JSON array <c>$grids</c>. Periods bind <c>$from</c> (inclusive) and <c>$to</c> (exclusive)
/// as fixed-width "O" UTC strings, which compare in time order as text. Beijing days come from <c>date(x, '+8 hours')</c>.
/// </summary>
/// <remarks>
/// Event queries join with <c>CROSS JOIN</c>, which SQLite never reorders: they must be driven by the
/// <c>(type, at)</c> index over the period, then look each ticket up by its key. Left to itself the planner, which
/// has no statistics, may instead walk a grid's tickets and read every event of each, which grows with the whole
/// history rather than the period. The ticket is then read from the covering index <c>reporting_tickets_number_scope</c>,
/// named with <c>INDEXED BY</c> because for the district the planner would pick the primary key and read the whole row
/// (a JSON snapshot) just for <c>submitted_at</c>.
/// </remarks>
internal static class ReportSql
{
    public const string ScopeMarker = "/*scope*/";

    /// <summary>Statuses that still need work.</summary>
    public const string OpenStatuses =
        $"'{nameof(TicketStatus.Submitted)}', '{nameof(TicketStatus.Assigned)}', '{nameof(TicketStatus.Accepted)}', '{nameof(TicketStatus.InProgress)}'";

    /// <summary>Submissions per Beijing day of the period, with how many of them are closed now. Columns: day, submitted, closed.</summary>
    public const string Submitted = $"""
        SELECT date(t.submitted_at, '+8 hours') AS day, count(*), coalesce(sum(t.status = '{nameof(TicketStatus.Closed)}'), 0)
        FROM tickets t
        WHERE t.submitted_at >= $from AND t.submitted_at < $to AND {ScopeMarker}
        GROUP BY day
        """;

    /// <summary>Unfinished tickets now. Columns: status, supervised (0/1), count.</summary>
    public const string Unfinished = $"""
        SELECT t.status, t.supervised, count(*)
        FROM tickets t
        WHERE t.status IN ({OpenStatuses}, '{nameof(TicketStatus.Resolved)}') AND {ScopeMarker}
        GROUP BY t.status, t.supervised
        """;

    /// <summary>
    /// Closings and ratings per Beijing day. Columns: day, type, rating (null for AutoClosed), count. A 满意/基本满意
    /// rating and an automatic close are the only ways to Closed.
    /// </summary>
    public const string ClosingsAndRatings = $"""
        SELECT date(e.at, '+8 hours') AS day, e.type, json_extract(e.data, '$.rating') AS rating, count(*)
        FROM ticket_events e CROSS JOIN tickets t INDEXED BY reporting_tickets_number_scope ON t.number = e.number
        WHERE e.type IN ('{nameof(TicketEventType.Rated)}', '{nameof(TicketEventType.AutoClosed)}')
          AND e.at >= $from AND e.at < $to AND {ScopeMarker}
        GROUP BY day, e.type, rating
        """;

    /// <summary>
    /// First acceptances and first resolutions in the period. Columns: type, count, average milliseconds since
    /// submission (null when none), on time (resolutions with no Escalated/Urged event before them). Events are
    /// ordered by seq, not time, since the events of one command share their instant.
    /// </summary>
    public const string FirstAcceptedAndResolved = $"""
        SELECT e.type, count(*),
               avg(round((julianday(e.at) - julianday(t.submitted_at)) * 86400000.0)),
               coalesce(sum(NOT EXISTS (
                   SELECT 1 FROM ticket_events m
                   WHERE m.number = e.number AND m.seq < e.seq
                     AND m.type IN ('{nameof(TicketEventType.Escalated)}', '{nameof(TicketEventType.Urged)}'))), 0)
        FROM ticket_events e CROSS JOIN tickets t INDEXED BY reporting_tickets_number_scope ON t.number = e.number
        WHERE e.type IN ('{nameof(TicketEventType.Accepted)}', '{nameof(TicketEventType.Resolved)}')
          AND e.at >= $from AND e.at < $to AND {ScopeMarker}
          AND NOT EXISTS (SELECT 1 FROM ticket_events p WHERE p.number = e.number AND p.seq < e.seq AND p.type = e.type)
        GROUP BY e.type
        """;

    /// <summary>Moves up per level in the period. Columns: to_level, type, count.</summary>
    public const string Escalations = $"""
        SELECT e.to_level, e.type, count(*)
        FROM ticket_events e CROSS JOIN tickets t INDEXED BY reporting_tickets_number_scope ON t.number = e.number
        WHERE e.type IN ('{nameof(TicketEventType.Escalated)}', '{nameof(TicketEventType.SecondWhistle)}')
          AND e.at >= $from AND e.at < $to AND {ScopeMarker}
        GROUP BY e.to_level, e.type
        """;

    /// <summary>
    /// Open supervised tickets, most recently supervised first. Columns: number, category, level, holder, grid,
    /// submitted_at, supervised since (the first Supervised event; there is only one, as supervision is never cleared).
    /// The unary plus keeps the planner off the (type, at) index there, which would walk every Supervised event ever
    /// recorded for each ticket listed; the primary key reads just that ticket's history.
    /// </summary>
    public const string Supervised = $"""
        SELECT number, category_item_id, level, holder_node_id, grid_node_id, submitted_at, since
        FROM (
            SELECT t.number, t.category_item_id, t.level, t.holder_node_id, t.grid_node_id, t.submitted_at,
                   (SELECT min(s.at) FROM ticket_events s
                    WHERE s.number = t.number AND +s.type = '{nameof(TicketEventType.Supervised)}') AS since
            FROM tickets t
            WHERE t.status IN ({OpenStatuses}) AND t.supervised = 1 AND {ScopeMarker})
        ORDER BY since DESC, number DESC
        LIMIT $limit
        """;

    /// <summary>Every query, by name, for tests that check their plans.</summary>
    public static IReadOnlyList<(string Name, string Sql)> All { get; } =
    [
        (nameof(Submitted), Submitted),
        (nameof(Unfinished), Unfinished),
        (nameof(ClosingsAndRatings), ClosingsAndRatings),
        (nameof(FirstAcceptedAndResolved), FirstAcceptedAndResolved),
        (nameof(Escalations), Escalations),
        (nameof(Supervised), Supervised),
    ];

    /// <summary>
    /// <paramref name="sql"/> with its scope predicate: none when <paramref name="everyTicket"/> (the district), so a
    /// ticket whose grid has since left org.yaml still counts there; otherwise the grids bound as <c>$grids</c>.
    /// </summary>
    public static string Scoped(string sql, bool everyTicket) =>
        sql.Replace(ScopeMarker, everyTicket ? "1" : "t.grid_node_id IN (SELECT value FROM json_each($grids))", StringComparison.Ordinal);
}
