using System.Globalization;

namespace CitizenBot.Bot.Dialogue.Understanding;

/// <summary>Reads the small numbers residents write for buildings, units and choices: "3", "三", "十二", "二十五", "两".</summary>
internal static class ChineseNumerals
{
    private const string Digits = "零一二三四五六七八九";

    /// <summary>The value of ASCII digits or Chinese numerals up to 99; false for anything else or for zero.</summary>
    public static bool TryParse(string text, out int value)
    {
        value = 0;
        if (text.Length == 0)
        {
            return false;
        }

        if (text.All(char.IsAsciiDigit))
        {
            return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value) && value > 0;
        }

        text = text.Replace('两', '二');
        var ten = text.IndexOf('十', StringComparison.Ordinal);
        if (ten < 0)
        {
            value = text.Length == 1 ? Digit(text[0]) : -1;
        }
        else
        {
            var tens = ten == 0 ? 1 : ten == 1 ? Digit(text[0]) : -1;
            var ones = ten == text.Length - 1 ? 0 : ten == text.Length - 2 ? Digit(text[^1]) : -1;
            value = tens < 1 || ones < 0 ? -1 : (tens * 10) + ones;
        }

        return value > 0;
    }

    /// <summary>The value as ASCII digits ("三" → "3"), or the text itself when it is not a small number.</summary>
    public static string ToDigits(string text) =>
        TryParse(text, out var value) ? value.ToString(CultureInfo.InvariantCulture) : text;

    private static int Digit(char c) => Digits.IndexOf(c, StringComparison.Ordinal);
}
