namespace CitizenBot.Bot.Dialogue.Understanding;

/// <summary>Takes @mentions out of a group message so the rest can be read.</summary>
internal static class MentionText
{
    private const int MaxNameLength = 20;

    /// <summary>
    /// Removes every "@name" (or full-width "＠name") from <paramref name="text"/> and returns the rest trimmed.
    /// A mention of one of <paramref name="botNames"/> is recognised even with no separator after it ("@百事通暖气不热")
    /// and takes a following space, 、, ，, comma or colon with it; <paramref name="addressed"/> is then true. Any other
    /// mention runs to the next space or punctuation mark (WeChat puts U+2005 after each), is removed from the text too
    /// and listed in <paramref name="others"/>. An @ right after a letter or digit is an e-mail address and stays.
    /// </summary>
    public static string Strip(string text, IReadOnlyCollection<string> botNames, out bool addressed, out IReadOnlyList<string> others)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(botNames);
        var names = botNames.Where(name => name.Length > 0).OrderByDescending(name => name.Length).ToArray();
        var found = new List<string>();
        var kept = new System.Text.StringBuilder(text.Length);
        addressed = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c is not ('@' or '＠') || (i > 0 && char.IsAsciiLetterOrDigit(text[i - 1])))
            {
                kept.Append(c);
                continue;
            }

            var rest = text.AsSpan(i + 1);
            string? bot = null;
            foreach (var name in names)
            {
                if (rest.StartsWith(name, StringComparison.OrdinalIgnoreCase))
                {
                    bot = name;
                    break;
                }
            }

            if (bot is not null)
            {
                addressed = true;
                var end = i + 1 + bot.Length;
                while (end < text.Length && (char.IsWhiteSpace(text[end]) || text[end] is '、' or '，' or ',' or ':' or '：'))
                {
                    end++;
                }

                i = end - 1;
                kept.Append(' ');
                continue;
            }

            var length = NameLength(rest);
            if (length == 0)
            {
                kept.Append(c);
                continue;
            }

            found.Add(text.Substring(i + 1, length));
            i += length;
            kept.Append(' ');
        }

        others = found;
        return kept.ToString().Trim();
    }

    private static int NameLength(ReadOnlySpan<char> afterAt)
    {
        var limit = Math.Min(afterAt.Length, MaxNameLength);
        for (var i = 0; i < limit; i++)
        {
            if (char.IsWhiteSpace(afterAt[i]) || (char.IsPunctuation(afterAt[i]) && afterAt[i] is not ('_' or '-' or '.')))
            {
                return i;
            }
        }

        // No separator within a name's length: the end of the message, or text glued to the name; either way the
        // name cannot be told from the words, so take only what fits a name.
        return limit;
    }
}
