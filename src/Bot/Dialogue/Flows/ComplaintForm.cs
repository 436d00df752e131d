using System.Globalization;
using CitizenBot.Bot.Conversations;
using CitizenBot.Bot.Dialogue.Understanding;
using CitizenBot.Escalation.Categories;
using CitizenBot.Escalation.Org;
using CitizenBot.Escalation.Tickets;

namespace CitizenBot.Bot.Dialogue.Flows;

/// <summary>
/// The complaint form's rules, without I/O: folding what a message says into the draft (several slots at once,
/// corrections overriding), and choosing the next question. Slots are asked in <see cref="ComplaintSlot"/> order.
/// </summary>
internal sealed class ComplaintForm(CategoryCatalog catalog, CategoryGuesser guesser, OrgTree org, GridLocator locator)
{
    private static readonly ReplyChoice[] UrgencyChoices = [new("很急", "很急"), new("不急", "不急")];
    private static readonly ReplyChoice[] PhotoChoices = [new("没有照片", "没有")];
    private static readonly ReplyChoice[] ConfirmChoices = [new("确认提交", "确认"), new("取消登记", "取消")];

    /// <summary>A draft started from the message that reported the problem.</summary>
    public ComplaintDraft Start(string text, string? gridNodeId)
    {
        var draft = new ComplaintDraft { GridNodeId = gridNodeId };
        draft = WithCategoryFrom(draft, text, replace: true);
        return Merge(draft, ComplaintFactReader.Read(text, null), fromAnswer: false);
    }

    /// <summary>
    /// Folds a reply into the draft. Returns the new draft and, when the reply could not be used for the slot asked
    /// (a phone number that does not validate), a sentence saying why.
    /// </summary>
    public (ComplaintDraft Draft, string? Problem) Apply(ComplaintDraft draft, string text, MessageReading reading)
    {
        var facts = ComplaintFactReader.Read(text, draft.Asking);
        if (facts.InvalidPhone && facts.Phone is null)
        {
            return (draft, "这个电话号码好像不对，请输入 11 位手机号，或带区号的座机号（如 022-12345678）。");
        }

        switch (draft.Asking)
        {
            case ComplaintSlot.Category:
                draft = PickCategory(draft, text, reading);
                break;
            case ComplaintSlot.Location when draft.GridNodeId is null:
                draft = draft with { GridNodeId = locator.Locate(text)?.Id };
                break;
            case ComplaintSlot.Location when facts.Building is null && facts.Place is null && facts.Room is null && !facts.IsCorrection && text.Length > 0:
                // A place in the resident's own words ("小区东门") is as good as numbers.
                draft = draft with { Place = Clip(text) };
                break;
            case ComplaintSlot.Description when !facts.IsCorrection:
                draft = draft with { Description = Clip(facts.Description.Length > 0 ? facts.Description : text) };
                break;
            default:
                if (facts.IsCorrection)
                {
                    draft = WithCategoryFrom(draft, text, replace: true);
                }

                break;
        }

        return (Merge(draft, facts, fromAnswer: true), null);
    }

    /// <summary>The next question for <paramref name="draft"/>; <see cref="ComplaintSlot.Confirmation"/> once it is complete.</summary>
    public ComplaintQuestion Next(ComplaintDraft draft)
    {
        if (draft.CategoryItemId is null)
        {
            if (draft.CategoryOptions.Count > 0)
            {
                var items = draft.CategoryOptions.Select(catalog.GetItem).ToArray();
                return new ComplaintQuestion(
                    ComplaintSlot.Category,
                    "请问是哪一类问题？回复数字即可：\n" + Numbered(items.Select(i => i.Name)),
                    Choices(items.Select(i => i.Name)),
                    draft.CategoryOptions);
            }

            return new ComplaintQuestion(
                ComplaintSlot.Category,
                "请问是哪方面的问题？回复数字，或直接说说是什么问题（如“漏水”“噪音”）：\n" + Numbered(catalog.Groups.Select(g => g.Name)),
                Choices(catalog.Groups.Select(g => g.Name)),
                []);
        }

        if (draft.GridNodeId is null)
        {
            return Ask(ComplaintSlot.Location, "请问问题发生在哪个社区？（如“子牙社区”）");
        }

        if (draft.Building is null && draft.Place is null && draft.Room is null)
        {
            return Ask(ComplaintSlot.Location, "请问具体在什么位置？比如“3号楼2单元301”，或“小区东门”。");
        }

        if (string.IsNullOrEmpty(draft.Description))
        {
            return Ask(ComplaintSlot.Description, "请简单描述一下问题的情况。");
        }

        if (draft.Urgent is null)
        {
            return new ComplaintQuestion(ComplaintSlot.Urgency, "情况紧急吗？", UrgencyChoices, []);
        }

        if (draft.Phone is null)
        {
            return Ask(ComplaintSlot.Phone, "请留一个联系电话（手机或带区号的座机），方便网格员联系您。");
        }

        if (draft.PhotoUrl is null)
        {
            return new ComplaintQuestion(ComplaintSlot.Photo, "如有现场照片，请发送照片链接；没有请回复“没有”。", PhotoChoices, []);
        }

        return new ComplaintQuestion(ComplaintSlot.Confirmation, "请核对登记信息：\n" + Summary(draft) + "\n无误请回复“确认”；要修改直接说，如“不对，是5号楼”。", ConfirmChoices, []);
    }

    /// <summary>The draft as the resident checks it; the phone masked, since a summary may be read over a shoulder.</summary>
    public string Summary(ComplaintDraft draft)
    {
        var item = draft.CategoryItemId is { } id ? catalog.GetItem(id) : null;
        var lines = new List<string>
        {
            $"· 类别：{(item is null ? "未选" : $"{catalog.GetGroupOf(item.Id).Name} / {item.Name}")}",
            $"· 位置：{Address(draft)}",
            $"· 问题：{draft.Description}",
            $"· 紧急程度：{(draft.Urgent == true ? "紧急" : "一般")}",
            $"· 联系电话：{(draft.Phone is null ? "未留" : PhoneMask.Mask(draft.Phone))}",
            $"· 照片：{(string.IsNullOrEmpty(draft.PhotoUrl) ? "无" : "已附链接")}",
        };
        return string.Join("\n", lines);
    }

    /// <summary>The address as stored on the ticket: the grid, then what the resident said.</summary>
    public string Address(ComplaintDraft draft)
    {
        var parts = new List<string>();
        if (draft.GridNodeId is { } grid && org.FindNode(grid) is { } node)
        {
            parts.Add(node.Name);
        }

        if (draft.Building is { } building)
        {
            parts.Add($"{building}号楼");
        }

        if (draft.Unit is { } unit)
        {
            parts.Add($"{unit}单元");
        }

        if (draft.Room is { } room)
        {
            parts.Add($"{room}室");
        }

        if (draft.Place is { } place)
        {
            parts.Add(place);
        }

        return string.Join(" ", parts);
    }

    private ComplaintDraft PickCategory(ComplaintDraft draft, string text, MessageReading reading)
    {
        if (reading.ChoiceNumber is { } number)
        {
            if (draft.CategoryOptions.Count > 0)
            {
                return number <= draft.CategoryOptions.Count
                    ? draft with { CategoryItemId = draft.CategoryOptions[number - 1], CategoryOptions = [] }
                    : draft;
            }

            // A group picked from the list: offer its items next.
            return number <= catalog.Groups.Length
                ? draft with { CategoryOptions = [.. catalog.Groups[number - 1].Items.Select(i => i.Id)] }
                : draft;
        }

        var named = draft.CategoryOptions.Select(catalog.GetItem).FirstOrDefault(i => text.Contains(i.Name, StringComparison.Ordinal));
        if (named is not null)
        {
            return draft with { CategoryItemId = named.Id, CategoryOptions = [] };
        }

        var group = catalog.Groups.FirstOrDefault(g => text.Contains(g.Name, StringComparison.Ordinal));
        return group is not null && draft.CategoryOptions.Count == 0
            ? draft with { CategoryOptions = [.. group.Items.Select(i => i.Id)] }
            : WithCategoryFrom(draft, text, replace: false);
    }

    private ComplaintDraft WithCategoryFrom(ComplaintDraft draft, string text, bool replace)
    {
        var guesses = guesser.Guess(text);
        if (guesses.Count == 0 || (!replace && draft.CategoryItemId is not null))
        {
            return draft;
        }

        // One guess, or a clear winner by keyword hits: take it (the resident confirms it in the summary). Ties: ask.
        return guesses.Count == 1 || guesses[0].Hits > guesses[1].Hits
            ? draft with { CategoryItemId = guesses[0].Item.Id, CategoryOptions = [] }
            : draft with { CategoryItemId = null, CategoryOptions = [.. guesses.Select(g => g.Item.Id)] };
    }

    private static ComplaintDraft Merge(ComplaintDraft draft, ComplaintFacts facts, bool fromAnswer)
    {
        // A new building number with no unit or room means a new address, not the old unit in another building.
        var newAddress = facts.Building is not null || facts.Place is not null;
        return draft with
        {
            Building = facts.Building ?? draft.Building,
            Unit = facts.Unit ?? (newAddress && facts.Building is not null ? null : draft.Unit),
            Room = facts.Room ?? (newAddress && facts.Building is not null ? null : draft.Room),
            Place = facts.Place ?? (facts.Building is not null ? null : draft.Place),
            Phone = facts.Phone ?? draft.Phone,
            Urgent = facts.Urgent ?? draft.Urgent,
            PhotoUrl = facts.PhotoUrl ?? (facts.NoPhoto && draft.Asking == ComplaintSlot.Photo ? string.Empty : draft.PhotoUrl),
            Description = draft.Description ?? (!fromAnswer || draft.Asking is null ? NonEmpty(facts.Description) : null),
        };
    }

    private static ComplaintQuestion Ask(ComplaintSlot slot, string text) => new(slot, text, [], []);

    private static string Numbered(IEnumerable<string> names) =>
        string.Join("\n", names.Select((name, i) => $"{i + 1}. {name}"));

    private static ReplyChoice[] Choices(IEnumerable<string> names) =>
        [.. names.Select((name, i) => new ReplyChoice($"{i + 1}. {name}", (i + 1).ToString(CultureInfo.InvariantCulture)))];

    private static string? NonEmpty(string text) => text.Length == 0 ? null : Clip(text);

    // The ticket API caps descriptions; a form answer is clipped to the same length rather than refused.
    private static string Clip(string text) => text.Length <= 500 ? text : text[..500];
}
