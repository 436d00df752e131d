using System.Globalization;
using System.Text;

namespace CitizenBot.Knowledge.Content;

/// <summary>
/// Writes a string as a YAML scalar that reads back as exactly that string: plain when that is unambiguous, otherwise
/// double-quoted with escapes. The plain test is deliberately stricter than YAML's own rules.
/// </summary>
internal static class YamlScalarText
{
    private const string Indicators = "-?:,[]{}#&*!|>'\"%@`";
    private const string FlowIndicators = ",[]{}";

    public static string Format(string value, bool inFlow)
    {
        return IsPlainSafe(value, inFlow) ? value : DoubleQuoted(value);
    }

    private static bool IsPlainSafe(string value, bool inFlow) =>
        value.Length > 0
        && value is not ("~" or "null" or "Null" or "NULL")
        && !char.IsWhiteSpace(value[0])
        && !char.IsWhiteSpace(value[^1])
        && !Indicators.Contains(value[0], StringComparison.Ordinal)
        && value[^1] != ':'
        && !value.Contains(": ", StringComparison.Ordinal)
        && !value.Contains(" #", StringComparison.Ordinal)
        && !(inFlow && value.AsSpan().IndexOfAny(FlowIndicators) >= 0)
        && !value.Any(NeedsEscape);

    private static string DoubleQuoted(string value)
    {
        var sb = new StringBuilder(value.Length + 2).Append('"');
        foreach (var c in value)
        {
            switch (c)
            {
                case '"': sb.Append("\\\""); break;
                case '\\': sb.Append("\\\\"); break;
                case '\n': sb.Append("\\n"); break;
                case '\t': sb.Append("\\t"); break;
                default:
                    if (NeedsEscape(c))
                    {
                        sb.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        sb.Append(c);
                    }

                    break;
            }
        }

        return sb.Append('"').ToString();
    }

    /// <summary>Characters YAML does not allow raw, or reads as a line break (NEL, LS, PS), plus the BOM.</summary>
    private static bool NeedsEscape(char c) =>
        c < ' ' || c is (>= '\u007F' and <= '\u009F') or '\u2028' or '\u2029' or '\uFEFF' or '\uFFFE' or '\uFFFF';
}
