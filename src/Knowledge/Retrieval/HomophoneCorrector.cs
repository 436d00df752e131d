using System.Collections.Frozen;
using System.Text;
using CitizenBot.Knowledge.Analysis;
using CitizenBot.Knowledge.Index;

namespace CitizenBot.Knowledge.Retrieval;

/// <summary>
/// Typo tolerance for pinyin input methods, which produce the right sound with the wrong character (共暖 for
/// 供暖, 物叶费 for 物业费). A 2–4 character window of the message that the index has never seen is keyed by its
/// toneless pinyin; a lexicon word with the same key that the index does contain is added as a query term.
/// </summary>
internal sealed class HomophoneCorrector
{
    private const int MinLength = 2;
    private const int MaxLength = 4;

    private readonly CjkCharacterMaps _maps;
    private readonly FrozenDictionary<string, string[]> _wordsByKey;

    public HomophoneCorrector(Lexicon lexicon)
    {
        _maps = CjkCharacterMaps.Instance;
        var byKey = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        if (_maps.HasPinyin)
        {
            foreach (var word in lexicon.Words)
            {
                if (word.Length is >= MinLength and <= MaxLength && TryKey(word, out var key))
                {
                    if (!byKey.TryGetValue(key, out var list))
                    {
                        byKey[key] = list = [];
                    }

                    list.Add(word);
                }
            }
        }

        _wordsByKey = byKey.ToFrozenDictionary(kv => kv.Key, kv => kv.Value.ToArray(), StringComparer.Ordinal);
    }

    /// <summary>Adds to <paramref name="corrections"/> the known words that unseen windows of the text sound like.</summary>
    public void FindCorrections(string normalized, TermStatistics terms, Lexicon lexicon, ISet<string> corrections)
    {
        if (_wordsByKey.Count == 0)
        {
            return;
        }

        var text = normalized.AsSpan();
        for (var start = 0; start < text.Length; start++)
        {
            for (var length = MinLength; length <= MaxLength && start + length <= text.Length; length++)
            {
                var window = text.Slice(start, length);
                if (!AllCjk(window) || lexicon.TryGet(window, out _, out _) || terms.DocumentFrequency(window) > 0)
                {
                    continue;
                }

                if (!TryKey(window, out var key) || !_wordsByKey.TryGetValue(key, out var words))
                {
                    continue;
                }

                foreach (var word in words)
                {
                    if (terms.DocumentFrequency(word) > 0)
                    {
                        corrections.Add(word);
                    }
                }
            }
        }
    }

    private bool TryKey(ReadOnlySpan<char> word, out string key)
    {
        var sb = new StringBuilder(word.Length * 6);
        foreach (var c in word)
        {
            if (_maps.Pinyin(c) is not { } syllable)
            {
                key = string.Empty;
                return false;
            }

            sb.Append(syllable).Append(' ');
        }

        key = sb.ToString();
        return true;
    }

    private static bool AllCjk(ReadOnlySpan<char> window)
    {
        foreach (var c in window)
        {
            if (!CjkRanges.IsCjkBmp(c))
            {
                return false;
            }
        }

        return true;
    }
}
