using System.Diagnostics;

namespace CitizenBot.Knowledge.Analysis;

/// <summary>
/// Turns text into index terms at several granularities at once, because no single segmentation wins on
/// colloquial questions: dictionary words (every match, not one best path), their synonym group's canonical term,
/// character bigrams and single characters. ASCII words and numbers are kept whole. The same instance analyzes
/// entries at index time and questions at query time.
/// </summary>
/// <remarks>Thread-safe. Words, characters and most bigrams come from shared tables rather than fresh strings.</remarks>
public sealed class ChineseAnalyzer
{
    /// <summary>Bumped whenever the tokenizing rules change, so stored tokens are rebuilt.</summary>
    private const int RulesVersion = 4;
    private const int StackLimit = 256;

    private readonly TextNormalizer _normalizer;

    public ChineseAnalyzer(Lexicon lexicon, TextNormalizer normalizer)
    {
        Lexicon = lexicon;
        _normalizer = normalizer;
    }

    public Lexicon Lexicon { get; }

    /// <summary>Identifies the analyzer's behaviour; the index re-tokenizes its entries when this changes.</summary>
    public string Fingerprint => $"r{RulesVersion}-{Lexicon.Fingerprint}";

    /// <inheritdoc cref="TextNormalizer.Normalize"/>
    public string Normalize(string text) => _normalizer.Normalize(text);

    /// <summary>Normalizes and tokenizes <paramref name="text"/>; duplicates are kept (term frequency matters).</summary>
    /// <param name="text">The text.</param>
    /// <param name="granularity">Which kinds of terms to emit; long answer texts are indexed with fewer.</param>
    public List<string> Tokenize(string text, TermGranularity granularity = TermGranularity.All)
    {
        var tokens = new List<string>();
        TokenizeNormalized(_normalizer.Normalize(text), tokens, granularity);
        return tokens;
    }

    /// <summary>Appends the tokens of already normalized text to <paramref name="sink"/>.</summary>
    /// <returns>
    /// False when the text was nothing but filler (你好, 谢谢大家): its single characters are appended then, so an entry
    /// is never left without terms, but a question like that has nothing to search for.
    /// </returns>
    public bool TokenizeNormalized(ReadOnlySpan<char> normalized, List<string> sink, TermGranularity granularity = TermGranularity.All)
    {
        var before = sink.Count;
        var i = 0;
        while (i < normalized.Length)
        {
            var c = normalized[i];
            var start = i;
            if (CjkRanges.IsCjkBmp(c))
            {
                while (i < normalized.Length && CjkRanges.IsCjkBmp(normalized[i]))
                {
                    i++;
                }

                TokenizeCjkRun(normalized[start..i], sink, granularity);
            }
            else if (CjkRanges.IsAsciiLetterOrDigit(c))
            {
                while (i < normalized.Length && CjkRanges.IsAsciiLetterOrDigit(normalized[i]))
                {
                    i++;
                }

                sink.Add(normalized[start..i].ToString());
            }
            else
            {
                i++;
            }
        }

        if (sink.Count > before)
        {
            return true;
        }

        foreach (var ch in normalized)
        {
            if (CjkRanges.IsCjkBmp(ch))
            {
                sink.Add(CharStrings.Of(ch));
            }
        }

        return false;
    }

    private void TokenizeCjkRun(ReadOnlySpan<char> run, List<string> sink, TermGranularity granularity)
    {
        Span<bool> removed = run.Length <= StackLimit ? stackalloc bool[run.Length] : new bool[run.Length];
        MarkFiller(run, removed);

        var i = 0;
        while (i < run.Length)
        {
            if (removed[i])
            {
                i++;
                continue;
            }

            var start = i;
            while (i < run.Length && !removed[i])
            {
                i++;
            }

            TokenizeSegment(run[start..i], sink, granularity);
        }
    }

    /// <summary>Marks filler phrases for removal, except where a domain word overlaps them.</summary>
    private void MarkFiller(ReadOnlySpan<char> run, Span<bool> removed)
    {
        if (Lexicon.MaxWordLength < 2)
        {
            return;
        }

        Span<bool> protectedChars = run.Length <= StackLimit ? stackalloc bool[run.Length] : new bool[run.Length];
        var anyFiller = false;
        for (var start = 0; start < run.Length - 1; start++)
        {
            var longest = LongestWordAt(run, start);
            for (var length = longest; length >= 2; length--)
            {
                if (!Lexicon.TryGet(run.Slice(start, length), out _, out var info))
                {
                    continue;
                }

                if (info.IsFiller)
                {
                    anyFiller = true;
                }
                else
                {
                    protectedChars.Slice(start, length).Fill(true);
                }
            }
        }

        if (!anyFiller)
        {
            return;
        }

        for (var start = 0; start < run.Length - 1; start++)
        {
            var longest = LongestWordAt(run, start);
            for (var length = longest; length >= 2; length--)
            {
                if (Lexicon.TryGet(run.Slice(start, length), out _, out var info) && info.IsFiller
                    && !protectedChars.Slice(start, length).Contains(true))
                {
                    removed.Slice(start, length).Fill(true);
                    break;
                }
            }
        }
    }

    private void TokenizeSegment(ReadOnlySpan<char> segment, List<string> sink, TermGranularity granularity)
    {
        Debug.Assert(segment.Length > 0, "segments are never empty");
        if (granularity == TermGranularity.All || (granularity == TermGranularity.NoCharacters && segment.Length == 1))
        {
            // Without characters, a lone one is still kept: it is the segment's only evidence.
            foreach (var c in segment)
            {
                if (!StopWords.Particles.Contains(c))
                {
                    sink.Add(CharStrings.Of(c));
                }
            }
        }

        for (var start = 0; start + 1 < segment.Length; start++)
        {
            var pair = segment.Slice(start, 2);
            var longest = LongestWordAt(segment, start);
            if (longest >= 2 && Lexicon.TryGet(pair, out var word, out var info))
            {
                AddWord(word, info, sink);
            }
            else if (granularity != TermGranularity.Words && !StopWords.Particles.Contains(pair[0]) && !StopWords.Particles.Contains(pair[1]))
            {
                sink.Add(PairStrings.Of(pair));
            }

            for (var length = 3; length <= longest; length++)
            {
                if (Lexicon.TryGet(segment.Slice(start, length), out word, out info))
                {
                    AddWord(word, info, sink);
                }
            }
        }
    }

    /// <summary>The longest a dictionary word starting at <paramref name="start"/> could be (0 when none starts there).</summary>
    private int LongestWordAt(ReadOnlySpan<char> text, int start) =>
        Math.Min(Lexicon.LongestWordStartingWith(text[start], text[start + 1]), text.Length - start);

    private static void AddWord(string word, WordInfo info, List<string> sink)
    {
        if (info.IsFiller)
        {
            return;
        }

        sink.Add(word);
        if (info.Canonical is { } canonical)
        {
            sink.Add(canonical);
        }
    }
}
