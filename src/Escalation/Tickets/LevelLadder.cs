using CitizenBot.Escalation.Org;

namespace CitizenBot.Escalation.Tickets;

/// <summary>The order in which a ticket climbs: Grid → Community → Street → District.</summary>
internal static class LevelLadder
{
    /// <summary>The level one step up; null for the district, which has nothing above it.</summary>
    public static OrgLevel? Above(OrgLevel level) => level switch
    {
        OrgLevel.Grid => OrgLevel.Community,
        OrgLevel.Community => OrgLevel.Street,
        OrgLevel.Street => OrgLevel.District,
        _ => null,
    };

    /// <summary>The Chinese name of a level for UI messages: 网格, 社区, 街道 or 区.</summary>
    public static string ChineseName(OrgLevel level) => level switch
    {
        OrgLevel.Grid => "网格",
        OrgLevel.Community => "社区",
        OrgLevel.Street => "街道",
        _ => "区",
    };
}
