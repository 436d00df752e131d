namespace CitizenBot.Escalation.Sla;

/// <summary>A run of consecutive days off (放假调休) from a State Council holiday notice.</summary>
/// <param name="Name">The festival, e.g. 春节 or 国庆节、中秋节.</param>
/// <param name="First">The first day off (Beijing calendar date, inclusive).</param>
/// <param name="Last">The last day off (Beijing calendar date, inclusive).</param>
internal sealed record HolidayPeriod(string Name, DateOnly First, DateOnly Last)
{
    /// <summary>Every day of the period, in order.</summary>
    public IEnumerable<DateOnly> Days()
    {
        for (var day = First; day <= Last; day = day.AddDays(1))
        {
            yield return day;
        }
    }
}
