using System.Text.Json;
using CitizenBot.Escalation;
using CitizenBot.Escalation.Categories;
using CitizenBot.Escalation.Org;
using CitizenBot.Escalation.Tickets;
using CitizenBot.Escalation.Tickets.Desk;

namespace CitizenBot.Bot.Tickets;

/// <summary>
/// Checks a <see cref="CreateTicketRequest"/> field by field and builds the <see cref="NewTicket"/>; every problem is
/// reported at once, in Chinese, under the field's name.
/// </summary>
internal static class TicketRequestValidator
{
    public const int MaxDescriptionLength = 2000;
    public const int MaxAddressLength = 200;
    public const int MaxAttachments = 10;
    private const int MaxIdLength = 128;
    private const int MaxUrlLength = 2048;

    public static NewTicket? Validate(CreateTicketRequest request, EscalationModule escalation, Dictionary<string, string[]> errors)
    {
        var catalog = escalation.CategoryCatalog;
        CategoryItem? item = null;
        if (string.IsNullOrWhiteSpace(request.Category))
        {
            errors["category"] = ["请选择问题类别（类别编号见 /api/categories）。"];
        }
        else if (!catalog.TryGetItem(request.Category.Trim(), out item))
        {
            errors["category"] = [$"没有编号为“{ProblemText.Clip(request.Category)}”的问题类别。"];
        }

        var description = request.Description?.Trim();
        if (string.IsNullOrEmpty(description))
        {
            errors["description"] = ["请描述遇到的问题。"];
        }
        else if (description.Length > MaxDescriptionLength)
        {
            errors["description"] = [$"问题描述不能超过 {MaxDescriptionLength} 个字。"];
        }

        var address = request.Address?.Trim() ?? string.Empty;
        if (address.Length > MaxAddressLength)
        {
            errors["address"] = [$"地址不能超过 {MaxAddressLength} 个字。"];
        }

        var grid = LocateGrid(request.GridId, address, escalation, errors);
        var urgency = ParseUrgency(request.Urgency, item, errors);
        var reporter = ValidateReporter(request.Reporter, errors);
        var attachments = ValidateAttachments(request.Attachments, errors);
        if (errors.Count > 0)
        {
            return null;
        }

        return new NewTicket(item!.Id, urgency!.Value, description!, new TicketLocation(grid!.Id, address), reporter!, attachments);
    }

    private static OrgNode? LocateGrid(string? gridId, string address, EscalationModule escalation, Dictionary<string, string[]> errors)
    {
        var tree = escalation.OrgTree;
        if (!string.IsNullOrWhiteSpace(gridId))
        {
            var node = tree.FindNode(gridId.Trim());
            if (node is { Level: OrgLevel.Grid })
            {
                return node;
            }

            errors["gridId"] = [$"没有编号为“{ProblemText.Clip(gridId)}”的网格。"];
            return null;
        }

        if (address.Length == 0)
        {
            errors["gridId"] = ["请提供所在网格（gridId）或地址（address）。"];
            return null;
        }

        if (escalation.GridLocator.Locate(address) is { } located)
        {
            return located;
        }

        errors["address"] = ["无法从地址确定所属网格，请写明社区或网格名称（如“子牙社区第1网格”），或直接提供 gridId。"];
        return null;
    }

    private static UrgencyGrade? ParseUrgency(JsonElement? value, CategoryItem? item, Dictionary<string, string[]> errors)
    {
        if (value is not { } element || element.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined)
        {
            return item?.Grade;
        }

        UrgencyGrade? grade = element.ValueKind switch
        {
            JsonValueKind.Number when element.TryGetInt32(out var n) && n is >= 1 and <= 3 => (UrgencyGrade)n,
            JsonValueKind.String => element.GetString()?.Trim().ToUpperInvariant() switch
            {
                "1" or "RED" or "红" or "红色" => UrgencyGrade.Red,
                "2" or "YELLOW" or "黄" or "黄色" => UrgencyGrade.Yellow,
                "3" or "BLUE" or "蓝" or "蓝色" => UrgencyGrade.Blue,
                _ => null,
            },
            _ => null,
        };
        if (grade is null)
        {
            errors["urgency"] = ["紧急程度应为 1–3，或 red / yellow / blue（红 / 黄 / 蓝）。"];
        }

        return grade;
    }

    private static Reporter? ValidateReporter(ReporterRequest? reporter, Dictionary<string, string[]> errors)
    {
        if (reporter is null || string.IsNullOrWhiteSpace(reporter.ChannelUserId))
        {
            errors["reporter.channelUserId"] = ["缺少反映人的渠道用户编号。"];
            return null;
        }

        if (reporter.ChannelUserId.Length > MaxIdLength)
        {
            errors["reporter.channelUserId"] = [$"渠道用户编号不能超过 {MaxIdLength} 个字符。"];
            return null;
        }

        string? phone = null;
        if (!string.IsNullOrWhiteSpace(reporter.Phone) && !PhoneNumbers.TryNormalize(reporter.Phone, out phone))
        {
            errors["reporter.phone"] = ["联系电话格式不正确：请填写 11 位手机号，或带区号的座机号（如 022-12345678）。"];
            return null;
        }

        return new Reporter(reporter.ChannelUserId.Trim(), phone);
    }

    private static IReadOnlyList<string> ValidateAttachments(IReadOnlyList<string>? attachments, Dictionary<string, string[]> errors)
    {
        if (attachments is null || attachments.Count == 0)
        {
            return [];
        }

        if (attachments.Count > MaxAttachments)
        {
            errors["attachments"] = [$"附件最多 {MaxAttachments} 个。"];
            return [];
        }

        var bad = attachments.Where(a => a is null || a.Length > MaxUrlLength
            || !Uri.TryCreate(a, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https")).ToList();
        if (bad.Count > 0)
        {
            errors["attachments"] = ["附件须为 http 或 https 链接。"];
            return [];
        }

        return attachments;
    }
}
