namespace CitizenBot.Bot.Dialogue;

/// <summary>The fields of the complaint form, in the order the bot asks for the missing ones.</summary>
internal enum ComplaintSlot
{
    Category,
    Location,
    Description,
    Urgency,
    Phone,
    Photo,
    Confirmation,
}
