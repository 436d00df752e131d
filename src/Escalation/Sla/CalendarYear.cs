namespace CitizenBot.Escalation.Sla;

/// <summary>One year's holiday arrangement as published by the State Council.</summary>
/// <param name="Year">The calendar year; every date belongs to it.</param>
/// <param name="Source">The notice the dates were copied from, if recorded.</param>
/// <param name="Holidays">The days off.</param>
/// <param name="MakeUpWorkdays">The weekend days that are working days.</param>
internal sealed record CalendarYear(
    int Year,
    string? Source,
    IReadOnlyList<HolidayPeriod> Holidays,
    IReadOnlyList<MakeUpWorkday> MakeUpWorkdays);
