namespace CitizenBot.Escalation.Org;

/// <summary>The four levels of Hongqiao's grid management, from the top down.</summary>
internal enum OrgLevel
{
    /// <summary>The district (区), the single root; its 24-hour platform takes what nobody below handled.</summary>
    District,

    /// <summary>A street office (街道) under the district; it dispatches to functional departments.</summary>
    Street,

    /// <summary>A community (社区) under a street.</summary>
    Community,

    /// <summary>A base grid (网格) under a community, looked after by exactly one grid worker.</summary>
    Grid,
}
