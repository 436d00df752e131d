namespace CitizenBot.Escalation.Org;

/// <summary>What a person on duty does; each role belongs to one level of the tree.</summary>
internal enum OrgRole
{
    /// <summary>The grid worker (网格员) of a grid; recognized in chat groups by sender id.</summary>
    GridWorker,

    /// <summary>Community staff (社区工作人员).</summary>
    Community,

    /// <summary>Street office staff (街道工作人员).</summary>
    Street,

    /// <summary>A seat of the district platform, such as the 24-hour duty seat.</summary>
    District,

    /// <summary>An administrator who curates content; attached to the district.</summary>
    Admin,
}
