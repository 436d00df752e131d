namespace CitizenBot.Bot.Dialogue.Understanding;

/// <summary>A danger to life the bot must answer with the emergency numbers before anything else.</summary>
internal enum EmergencyKind
{
    /// <summary>燃气泄漏, 煤气味很大: leave, do not switch anything, call 燃气抢修.</summary>
    GasLeak,

    /// <summary>着火了, 冒烟了: call 119.</summary>
    Fire,

    /// <summary>有人受伤, 晕倒, 出血: call 120.</summary>
    Injury,
}
