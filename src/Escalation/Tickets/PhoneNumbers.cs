using System.Text.RegularExpressions;

namespace CitizenBot.Escalation.Tickets;

/// <summary>Checks and normalizes the contact numbers residents give: mainland mobiles and landlines with an area code.</summary>
internal static partial class PhoneNumbers
{
    /// <summary>
    /// True for a mobile (11 digits from 13–19, optionally +86/86) or a landline with its area code
    /// (<c>022-12345678</c>, <c>02212345678</c>, <c>0571-1234567</c>); <paramref name="normalized"/> is then the
    /// digits only (landlines as <c>area-number</c>). Spaces, dashes and full-width digits are accepted.
    /// </summary>
    public static bool TryNormalize(string? text, out string normalized)
    {
        normalized = string.Empty;
        if (string.IsNullOrWhiteSpace(text) || text.Length > 32)
        {
            return false;
        }

        var compact = Separators().Replace(text.Normalize(System.Text.NormalizationForm.FormKC), string.Empty);
        if (compact.StartsWith('+'))
        {
            compact = compact[1..];
        }

        if (Mobile().Match(compact) is { Success: true } mobile)
        {
            normalized = mobile.Groups["n"].Value;
            return true;
        }

        if (Landline().Match(compact) is { Success: true } landline)
        {
            normalized = $"{landline.Groups["area"].Value}-{landline.Groups["n"].Value}";
            return true;
        }

        return false;
    }

    [GeneratedRegex(@"[\s\-()]")]
    private static partial Regex Separators();

    [GeneratedRegex(@"^(?:86)?(?<n>1[3-9][0-9]{9})$")]
    private static partial Regex Mobile();

    // 010 and 02x are the three-digit area codes (Beijing, Tianjin 022, …); all others have four digits.
    [GeneratedRegex(@"^(?<area>0(?:10|2[0-9]|[3-9][0-9]{2}))(?<n>[2-9][0-9]{6,7})$")]
    private static partial Regex Landline();
}
