namespace CitizenBot.Escalation.Categories;

/// <summary>How urgent a ticket category is, as graded on the district's "吹哨" item lists.</summary>
internal enum UrgencyGrade
{
    /// <summary>红: danger to life or property (燃气泄漏, 井盖缺失); the most urgent.</summary>
    Red = 1,

    /// <summary>黄: disrupts daily life and should be handled promptly (暖气不热, 下水道堵塞).</summary>
    Yellow = 2,

    /// <summary>蓝: a nuisance that can wait for routine handling (占道经营, 楼道灯不亮).</summary>
    Blue = 3,
}
