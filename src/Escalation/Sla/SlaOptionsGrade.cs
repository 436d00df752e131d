namespace CitizenBot.Escalation.Sla;

/// <summary>
/// The limits of one urgency grade at each holding level, e.g. <c>Escalation:Sla:Yellow</c>. Keys are the
/// <c>OrgLevel</c> names; a level left out of configuration keeps its default.
/// </summary>
public sealed class SlaOptionsGrade
{
    public SlaOptionsGrade()
    {
    }

    public SlaOptionsGrade(SlaOptionsLimit grid, SlaOptionsLimit community, SlaOptionsLimit street, SlaOptionsLimit district)
    {
        Grid = grid;
        Community = community;
        Street = street;
        District = district;
    }

    /// <summary>Limits at a base grid (网格), where tickets start.</summary>
    public SlaOptionsLimit? Grid { get; set; }

    /// <summary>Limits at a community (社区).</summary>
    public SlaOptionsLimit? Community { get; set; }

    /// <summary>Limits at a street office (街道).</summary>
    public SlaOptionsLimit? Street { get; set; }

    /// <summary>Limits at the district seat (区), staffed around the clock, so its limits are clock time.</summary>
    public SlaOptionsLimit? District { get; set; }
}
