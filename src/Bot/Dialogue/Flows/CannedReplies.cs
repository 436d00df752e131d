using CitizenBot.Bot.Dialogue.Understanding;

namespace CitizenBot.Bot.Dialogue.Flows;

/// <summary>The bot's fixed sentences: small talk, help and emergencies. Short, because they are read on phones in a busy group.</summary>
internal static class CannedReplies
{
    public const string Help = "我是红桥百事通，24小时在线。您可以：\n· 直接问政策和办事，比如“居住证怎么办理”\n· 反映问题，比如“楼道灯坏了”\n· 查进度：“我的诉求到哪了”\n· 找真人：“转人工”";

    public const string Cancelled = "好的，已取消。有需要随时找我。";

    public const string NothingToCancel = "好的。有需要随时找我。";

    public static string For(MessageIntent intent, string botName) => intent switch
    {
        MessageIntent.Greeting => $"您好！我是{botName}，有什么可以帮您？可以直接问政策办事，也可以反映问题。",
        MessageIntent.Thanks => "不客气，能帮上忙就好！",
        _ => "嗯嗯～有政策办事的问题或要反映的问题，随时@我。",
    };

    /// <summary>What to do at once, before any form: the numbers first, then safety steps.</summary>
    public static string Emergency(EmergencyKind kind) => kind switch
    {
        EmergencyKind.GasLeak => "⚠️ 燃气泄漏很危险！请立即：关闭燃气阀门、开窗通风，不要开关电器、不要用明火和手机，马上离开到室外后拨打燃气抢修电话或 119。",
        EmergencyKind.Fire => "⚠️ 发生火情请立即拨打 119！迅速离开，用湿毛巾捂住口鼻、弯腰沿安全通道撤离，不要乘坐电梯。",
        _ => "⚠️ 有人受伤请立即拨打 120 急救电话；如涉及治安事件请拨打 110。在确保安全的前提下看护伤者，不要随意搬动。",
    };
}
