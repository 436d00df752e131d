namespace CitizenBot.Knowledge.Mining;

/// <summary>Which window a message falls in.</summary>
public enum MiningPeriod
{
    /// <summary>Older than the previous window: not mined.</summary>
    Outside,

    /// <summary>The window of equal length just before the recent one: the baseline for rises and trends.</summary>
    Previous,

    /// <summary>The recent window, ending at the newest message.</summary>
    Recent,
}
