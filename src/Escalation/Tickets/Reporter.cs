namespace CitizenBot.Escalation.Tickets;

/// <summary>The resident who filed a ticket.</summary>
/// <param name="ChannelUserId">The resident's id on the chat channel they wrote from.</param>
/// <param name="Phone">A contact number as given, or null. Never log it; use <see cref="MaskedPhone"/>.</param>
internal sealed record Reporter(string ChannelUserId, string? Phone)
{
    /// <summary>The phone for display to staff, e.g. <c>138****0000</c> or <c>022-****1234</c>; null when there is none.</summary>
    public string? MaskedPhone => Phone is null ? null : PhoneMask.Mask(Phone);

    /// <summary>Shows only the masked phone, so a reporter written to a log or exception leaks no number.</summary>
    public override string ToString() => $"Reporter {{ ChannelUserId = {ChannelUserId}, Phone = {MaskedPhone} }}";
}
