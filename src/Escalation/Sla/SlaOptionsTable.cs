using CitizenBot.Escalation.Categories;
using CitizenBot.Escalation.Org;

namespace CitizenBot.Escalation.Sla;

/// <summary>
/// Maps the enums onto the options' properties, so the validator and <see cref="SlaPolicy"/> walk the same cells.
/// A grade or level added to an enum without a property here reads as missing and fails validation at startup.
/// </summary>
internal static class SlaOptionsTable
{
    /// <summary>The configuration path of the table.</summary>
    public const string Path = EscalationOptions.SectionName + ":Sla";

    public static SlaOptionsGrade? Grade(SlaOptions sla, UrgencyGrade grade) => grade switch
    {
        UrgencyGrade.Red => sla.Red,
        UrgencyGrade.Yellow => sla.Yellow,
        UrgencyGrade.Blue => sla.Blue,
        _ => null,
    };

    public static SlaOptionsLimit? Level(SlaOptionsGrade grade, OrgLevel level) => level switch
    {
        OrgLevel.Grid => grade.Grid,
        OrgLevel.Community => grade.Community,
        OrgLevel.Street => grade.Street,
        OrgLevel.District => grade.District,
        _ => null,
    };

    /// <summary>The path of one cell, e.g. <c>Escalation:Sla:Red:Grid</c>.</summary>
    public static string CellPath(UrgencyGrade grade, OrgLevel level) => $"{Path}:{grade}:{level}";
}
