namespace CitizenBot.Bot.Dialogue;

/// <summary>
/// A complaint as gathered so far. Personal data (phone, room, description): stored only in the dialogue store and
/// the ticket, never logged.
/// </summary>
internal sealed record ComplaintDraft
{
    /// <summary>The category item, guessed from the text or chosen; confirmed when <see cref="CategoryConfirmed"/>.</summary>
    public string? CategoryItemId { get; init; }

    public bool CategoryConfirmed { get; init; }

    /// <summary>Up to three guessed items offered when the text matched several.</summary>
    public IReadOnlyList<string> CategoryOptions { get; init; } = [];

    /// <summary>The grid the complaint goes to: the group's grid, or one located from an address.</summary>
    public string? GridNodeId { get; init; }

    public string? Building { get; init; }

    public string? Unit { get; init; }

    public string? Room { get; init; }

    /// <summary>A free-form place (小区名, 路口, 门口) when the resident gives one instead of building numbers.</summary>
    public string? Place { get; init; }

    public string? Description { get; init; }

    /// <summary>True when the resident said it is urgent; null until asked or said.</summary>
    public bool? Urgent { get; init; }

    /// <summary>Normalized mobile or landline number.</summary>
    public string? Phone { get; init; }

    /// <summary>A photo link, or the empty string when the resident said they have none.</summary>
    public string? PhotoUrl { get; init; }

    /// <summary>The slot the bot asked for last, so a bare answer ("5号楼", "不急", "没有") fills it.</summary>
    public ComplaintSlot? Asking { get; init; }
}
