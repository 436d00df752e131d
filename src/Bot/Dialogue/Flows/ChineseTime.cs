using System.Globalization;
using CitizenBot.Escalation.Sla;

namespace CitizenBot.Bot.Dialogue.Flows;

/// <summary>Instants as residents read them: Beijing time, <c>11月23日 14:30</c>.</summary>
internal static class ChineseTime
{
    public static string Format(DateTimeOffset instant) =>
        instant.ToOffset(BeijingTime.Offset).ToString("M月d日 HH:mm", CultureInfo.InvariantCulture);
}
