namespace CitizenBot.Escalation.Tickets;

/// <summary>The resident's rating of a resolved ticket. <c>default</c> (0) is not a rating and is rejected.</summary>
internal enum Rating
{
    /// <summary>满意: closes the ticket.</summary>
    Satisfied = 1,

    /// <summary>基本满意: closes the ticket.</summary>
    FairlySatisfied = 2,

    /// <summary>不满意: reopens the ticket and whistles it up one level (二次哨).</summary>
    Dissatisfied = 3,
}
