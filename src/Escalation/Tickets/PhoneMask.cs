namespace CitizenBot.Escalation.Tickets;

/// <summary>Masks Chinese phone numbers for display: the middle digits become <c>****</c>.</summary>
internal static class PhoneMask
{
    private const string Stars = "****";

    /// <summary>
    /// Mobiles (11 digits from 1, with or without +86) become <c>138****0000</c>; landlines with an area code
    /// (<c>022-12345678</c>, <c>02212345678</c>) become <c>022-****5678</c>; anything else keeps at most its last four digits.
    /// </summary>
    public static string Mask(string phone)
    {
        ArgumentNullException.ThrowIfNull(phone);
        var digits = new string([.. phone.Where(char.IsAsciiDigit)]);
        if (digits.Length == 13 && digits.StartsWith("861", StringComparison.Ordinal))
        {
            digits = digits[2..];
        }

        if (digits.Length == 11 && digits[0] == '1')
        {
            return $"{digits[..3]}{Stars}{digits[^4..]}";
        }

        if (digits.Length is >= 10 and <= 12 && digits[0] == '0')
        {
            // 010 and 02x are the three-digit area codes (Beijing, Tianjin 022, ...); all others have four.
            var areaLength = digits[1] is '1' or '2' ? 3 : 4;
            return $"{digits[..areaLength]}-{Stars}{digits[^4..]}";
        }

        return digits.Length > 4 ? Stars + digits[^4..] : Stars;
    }
}
