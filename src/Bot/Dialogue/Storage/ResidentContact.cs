namespace CitizenBot.Bot.Dialogue.Storage;

/// <summary>Where a resident can be reached on their channel: what the outbound port needs to deliver a notice.</summary>
/// <param name="ResidentId">The id from <see cref="Conversations.ResidentIds.Of"/>.</param>
/// <param name="Channel">The channel.</param>
/// <param name="SenderId">The resident's id on it.</param>
/// <param name="SenderName">Their latest display name.</param>
/// <param name="PrivateConversationId">Their private thread with the bot, once there is one.</param>
/// <param name="GroupConversationId">The group they last wrote in, if any.</param>
/// <param name="UpdatedAt">When this was last written (UTC).</param>
internal sealed record ResidentContact(
    string ResidentId,
    string Channel,
    string SenderId,
    string SenderName,
    string? PrivateConversationId,
    string? GroupConversationId,
    DateTimeOffset UpdatedAt);
