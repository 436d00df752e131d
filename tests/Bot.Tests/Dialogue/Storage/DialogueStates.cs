using CitizenBot.Bot.Dialogue;
using CitizenBot.Bot.Dialogue.Storage;

namespace CitizenBot.Bot.Tests.Dialogue.Storage;

/// <summary>Dialogue states and contacts for the store tests.</summary>
internal static class DialogueStates
{
    public const string Channel = "wecom";

    public const string Group = "grp-1";

    public static readonly DateTimeOffset At = new(2026, 3, 1, 2, 0, 0, TimeSpan.Zero);

    public static DialogueKey Key(string sender, string conversation = Group) => new(Channel, conversation, sender);

    /// <summary>A state with a pending step, so the store keeps it (an idle, empty one may be deleted).</summary>
    public static DialogueState Pending(string sender, string conversation = Group, DialogueMode mode = DialogueMode.Clarifying) =>
        DialogueState.Start(Key(sender, conversation), "居民" + sender, At) with
        {
            Mode = mode,
            ChoiceEntryIds = ["kb-1", "kb-2"],
            ExpiresAt = At.AddMinutes(10),
        };

    /// <summary>Every property of the state and of its draft set to a value other than its default.</summary>
    public static DialogueState Full(string sender) => new()
    {
        Key = Key(sender),
        Mode = DialogueMode.Form,
        SenderName = "张阿姨",
        GridNodeId = "g-a1",
        ChoiceEntryIds = ["kb-7", "kb-9"],
        Draft = new ComplaintDraft
        {
            CategoryItemId = "lighting.stairwell",
            CategoryConfirmed = true,
            CategoryOptions = ["lighting.stairwell", "lighting.street"],
            GridNodeId = "g-a2",
            Building = "5号楼",
            Unit = "2单元",
            Room = "301",
            Place = "红桥小区北门",
            Description = "楼道灯不亮",
            Urgent = false,
            Phone = "13800000000",
            PhotoUrl = string.Empty,
            Asking = ComplaintSlot.Confirmation,
        },
        AbstainStreak = 1,
        TicketNumber = "HQ-20260301-0007",
        OriginConversationId = "grp-origin",
        UpdatedAt = At.AddSeconds(1.2345678),
        ExpiresAt = At.AddMinutes(30),
    };

    public static ResidentContact Contact(string sender, string? privateConversation, string? groupConversation, DateTimeOffset at) =>
        new("r-" + sender, Channel, sender, "居民" + sender, privateConversation, groupConversation, at);

    /// <summary>
    /// Asserts <paramref name="actual"/> equals <paramref name="expected"/> field by field: records compare lists by
    /// reference, so the lists are compared by content and then swapped in before the record comparison.
    /// </summary>
    public static void AssertSame(DialogueState expected, DialogueState? actual)
    {
        Assert.NotNull(actual);
        Assert.Equal(expected.ChoiceEntryIds, actual.ChoiceEntryIds);
        Assert.Equal(expected.Draft?.CategoryOptions, actual.Draft?.CategoryOptions);
        var aligned = actual with
        {
            ChoiceEntryIds = expected.ChoiceEntryIds,
            Draft = actual.Draft is null ? null : actual.Draft with { CategoryOptions = expected.Draft!.CategoryOptions },
        };
        Assert.Equal(expected, aligned);
    }
}
