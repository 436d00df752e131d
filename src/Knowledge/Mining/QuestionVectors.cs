using System.Runtime.InteropServices;
using CitizenBot.Knowledge.Analysis;

namespace CitizenBot.Knowledge.Mining;

/// <summary>
/// Each question as the sorted set of its analyzer terms (words and bigrams) with IDF weights. Questions with the same
/// normalized text share one term list (a stream repeats itself: the same question asked the same way), kept in one
/// flat array of term ids, so a million questions cost an integer each plus a few per distinct text.
/// </summary>
internal sealed class QuestionVectors
{
    private readonly int[] _textOf;
    private readonly int[] _weights;
    private readonly int[] _offsets;
    private readonly int[] _terms;
    private readonly double[] _norms;
    private readonly int[][] _emerging;
    private readonly Dictionary<string, int> _ids;
    private readonly IReadOnlyList<string> _texts;

    private QuestionVectors(IReadOnlyList<string> texts, int[] textOf, int[] weights, int[] offsets, int[] terms, double[] idf, int[] documentFrequency, Dictionary<string, int> ids, int[][] emerging)
    {
        _texts = texts;
        _textOf = textOf;
        _weights = weights;
        _offsets = offsets;
        _terms = terms;
        _ids = ids;
        _emerging = emerging;
        Idf = idf;
        DocumentFrequency = documentFrequency;
        TermText = new string[idf.Length];
        foreach (var (term, id) in ids)
        {
            TermText[id] = term;
        }

        _norms = new double[offsets.Length - 1];
        for (var i = 0; i < _norms.Length; i++)
        {
            var sum = 0.0;
            foreach (var t in TermsOf(i))
            {
                sum += idf[t] * idf[t];
            }

            _norms[i] = Math.Sqrt(sum);
        }
    }

    /// <summary>The number of questions.</summary>
    public int Count => _textOf.Length;

    /// <summary>The number of distinct normalized texts, numbered in the order the questions first use them.</summary>
    public int TextCount => _norms.Length;

    public double[] Idf { get; }

    /// <summary>Per term, the number of questions holding it.</summary>
    public int[] DocumentFrequency { get; }

    public string[] TermText { get; }

    /// <summary>The question's distinct normalized text: two questions with the same id read the same.</summary>
    public int TextOf(int question) => _textOf[question];

    /// <summary>How many questions read as <paramref name="text"/>.</summary>
    public int CopiesOf(int text) => _weights[text];

    /// <summary>The text's term ids, sorted.</summary>
    public ReadOnlySpan<int> TermsOf(int text) => _terms.AsSpan(_offsets[text], _offsets[text + 1] - _offsets[text]);

    public double Norm(int text) => _norms[text];

    /// <summary>The ids of the emerging terms the text holds (see <see cref="WithEmerging"/>), sorted; mostly empty.</summary>
    public int[] EmergingOf(int text) => _emerging[text];

    /// <summary>The vectors of questions given by their normalized texts (equal texts share a vector).</summary>
    public static QuestionVectors Build(ChineseAnalyzer analyzer, IReadOnlyList<string> normalized)
    {
        var (texts, textOf) = DistinctTexts.Of(normalized.Count, i => normalized[i]);
        return Build(analyzer, texts, textOf);
    }

    /// <summary>Tokenizes the distinct texts on every core (in chunks with their own term ids, then renumbered).</summary>
    /// <param name="analyzer">Tokenizes the texts.</param>
    /// <param name="texts">The distinct normalized texts.</param>
    /// <param name="textOf">Per question, the index of its text in <paramref name="texts"/>.</param>
    public static QuestionVectors Build(ChineseAnalyzer analyzer, IReadOnlyList<string> texts, int[] textOf)
    {
        var weights = new int[texts.Count];
        foreach (var t in textOf)
        {
            weights[t]++;
        }

        var chunkCount = Math.Max(1, Math.Min(Environment.ProcessorCount * 2, texts.Count / 10_000));
        var chunks = new Chunk[chunkCount];
        Parallel.For(0, chunkCount, c =>
        {
            var from = (int)((long)texts.Count * c / chunkCount);
            var to = (int)((long)texts.Count * (c + 1) / chunkCount);
            chunks[c] = Chunk.Tokenize(analyzer, texts, from, to);
        });

        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        var remaps = new int[chunkCount][];
        for (var c = 0; c < chunkCount; c++)
        {
            var remap = remaps[c] = new int[chunks[c].Names.Count];
            for (var local = 0; local < remap.Length; local++)
            {
                var term = chunks[c].Names[local];
                ref var id = ref CollectionsMarshal.GetValueRefOrAddDefault(ids, term, out var exists);
                if (!exists)
                {
                    id = ids.Count - 1;
                }

                remap[local] = id;
            }
        }

        // Each chunk's texts fill their own stretch of the flat array, so the chunks are renumbered and sorted in
        // parallel; document frequencies are counted per chunk and summed.
        var offsets = new int[texts.Count + 1];
        var firstText = new int[chunkCount + 1];
        var firstTerm = new int[chunkCount + 1];
        for (var c = 0; c < chunkCount; c++)
        {
            firstText[c + 1] = firstText[c] + chunks[c].Offsets.Length - 1;
            firstTerm[c + 1] = firstTerm[c] + chunks[c].Terms.Count;
        }

        var flat = new int[firstTerm[chunkCount]];
        var chunkDf = new int[chunkCount][];
        Parallel.For(0, chunkCount, c =>
        {
            var (chunk, remap) = (chunks[c], remaps[c]);
            var counts = chunkDf[c] = new int[ids.Count];
            var terms = CollectionsMarshal.AsSpan(chunk.Terms);
            for (var q = 0; q < chunk.Offsets.Length - 1; q++)
            {
                var text = firstText[c] + q;
                var from = firstTerm[c] + chunk.Offsets[q];
                var span = flat.AsSpan(from, chunk.Offsets[q + 1] - chunk.Offsets[q]);
                for (var j = 0; j < span.Length; j++)
                {
                    var id = span[j] = remap[terms[chunk.Offsets[q] + j]];
                    counts[id] += weights[text];
                }

                span.Sort();
                offsets[text + 1] = from + span.Length;
            }
        });

        var df = chunkDf[0];
        for (var c = 1; c < chunkCount; c++)
        {
            var counts = chunkDf[c];
            for (var t = 0; t < df.Length; t++)
            {
                df[t] += counts[t];
            }
        }

        var none = new int[texts.Count][];
        Array.Fill(none, []);
        return new QuestionVectors(texts, textOf, weights, offsets, flat, ComputeIdf(df, textOf.Length), df, ids, none);
    }

    /// <summary>The terms of a run of texts, numbered locally (<see cref="Names"/>: each local id's term).</summary>
    private sealed record Chunk(List<string> Names, int[] Offsets, List<int> Terms)
    {
        public static Chunk Tokenize(ChineseAnalyzer analyzer, IReadOnlyList<string> texts, int from, int to)
        {
            // Terms of up to four characters (bigrams and most words: nearly all of them) are keyed by their packed
            // characters, which hash and compare without reading the string.
            var packed = new Dictionary<ulong, int>();
            var longer = new Dictionary<string, int>(StringComparer.Ordinal);
            var names = new List<string>();
            var offsets = new int[to - from + 1];
            var flat = new List<int>((to - from) * 20);
            var tokens = new List<string>();
            for (var i = from; i < to; i++)
            {
                tokens.Clear();
                var start = flat.Count;
                // Greetings and thanks alone (你好, 谢谢百事通) have nothing to cluster on: an empty vector joins nothing.
                if (analyzer.TokenizeNormalized(texts[i], tokens, TermGranularity.NoCharacters))
                {
                    foreach (var token in tokens)
                    {
                        ref var id = ref token.Length <= PackedChars.MaxLength
                            ? ref CollectionsMarshal.GetValueRefOrAddDefault(packed, PackedChars.Pack(token), out var exists)
                            : ref CollectionsMarshal.GetValueRefOrAddDefault(longer, token, out exists);
                        if (!exists)
                        {
                            id = names.Count;
                            names.Add(token);
                        }

                        // A text holds a couple of dozen terms: scanning them beats a table indexed by term.
                        if (!CollectionsMarshal.AsSpan(flat)[start..].Contains(id))
                        {
                            flat.Add(id);
                        }
                    }
                }

                offsets[i - from + 1] = flat.Count;
            }

            return new Chunk(names, offsets, flat);
        }
    }

    /// <summary>
    /// Adds <paramref name="words"/> as terms of every question containing them (the analyzer, not knowing them, only
    /// emitted their bigrams) and multiplies their IDF by <paramref name="boost"/>.
    /// </summary>
    /// <param name="words">The emerging words.</param>
    /// <param name="boost">The IDF multiplier.</param>
    public QuestionVectors WithEmerging(IReadOnlyCollection<string> words, double boost)
    {
        if (words.Count == 0)
        {
            return this;
        }

        var ids = new Dictionary<string, int>(_ids, StringComparer.Ordinal);
        var emergingIds = new List<(string Word, int Id)>();
        foreach (var word in words)
        {
            if (!ids.TryGetValue(word, out var id))
            {
                id = ids.Count;
                ids[word] = id;
            }

            emergingIds.Add((word, id));
        }

        // Per text, the emerging words it holds (a word's first character is looked up before the word is compared,
        // so each text is scanned once however many words there are), on every core.
        var textCount = _offsets.Length - 1;
        var byFirst = emergingIds.ToLookup(e => e.Word[0]);
        var emerging = new int[textCount][];
        var extraCount = new int[textCount];
        Parallel.For(0, textCount, () => new List<int>(), (i, _, held) =>
        {
            held.Clear();
            var text = _texts[i].AsSpan();
            for (var p = 0; p < text.Length; p++)
            {
                if (!byFirst.Contains(text[p]))
                {
                    continue;
                }

                foreach (var (word, id) in byFirst[text[p]])
                {
                    if (text[p..].StartsWith(word, StringComparison.Ordinal) && !held.Contains(id))
                    {
                        held.Add(id);
                    }
                }
            }

            if (held.Count == 0)
            {
                emerging[i] = [];
                return held;
            }

            held.Sort();
            emerging[i] = [.. held];
            var own = TermsOf(i);
            foreach (var id in held)
            {
                if (own.BinarySearch(id) < 0)
                {
                    extraCount[i]++;
                }
            }

            return held;
        }, _ => { });

        var offsets = new int[_offsets.Length];
        for (var i = 0; i < textCount; i++)
        {
            offsets[i + 1] = offsets[i] + (_offsets[i + 1] - _offsets[i]) + extraCount[i];
        }

        var flat = new int[offsets[textCount]];
        var df = new int[ids.Count];
        for (var i = 0; i < textCount; i++)
        {
            var own = TermsOf(i);
            var span = flat.AsSpan(offsets[i], offsets[i + 1] - offsets[i]);
            own.CopyTo(span);
            if (extraCount[i] > 0)
            {
                var at = own.Length;
                foreach (var id in emerging[i])
                {
                    if (own.BinarySearch(id) < 0)
                    {
                        span[at++] = id;
                    }
                }

                span.Sort();
            }

            foreach (var t in span)
            {
                df[t] += _weights[i];
            }
        }

        var idf = ComputeIdf(df, Count);
        foreach (var (_, id) in emergingIds)
        {
            idf[id] *= boost;
        }

        return new QuestionVectors(_texts, _textOf, _weights, offsets, flat, idf, df, ids, emerging);
    }

    private static double[] ComputeIdf(int[] df, int count)
    {
        var idf = new double[df.Length];
        for (var t = 0; t < idf.Length; t++)
        {
            idf[t] = df[t] == 0 ? 0 : Math.Log(1.0 + ((double)count / df[t]));
        }

        return idf;
    }

    /// <summary>Cosine of two texts.</summary>
    public double Cosine(int a, int b)
    {
        var norms = Norm(a) * Norm(b);
        if (norms == 0)
        {
            return 0;
        }

        var x = TermsOf(a);
        var y = TermsOf(b);
        var dot = 0.0;
        int i = 0, j = 0;
        while (i < x.Length && j < y.Length)
        {
            if (x[i] == y[j])
            {
                dot += Idf[x[i]] * Idf[x[i]];
                i++;
                j++;
            }
            else if (x[i] < y[j])
            {
                i++;
            }
            else
            {
                j++;
            }
        }

        return dot / norms;
    }
}
