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
            foreach (var t in TermsOfText(i))
            {
                sum += idf[t] * idf[t];
            }

            _norms[i] = Math.Sqrt(sum);
        }
    }

    /// <summary>The number of questions.</summary>
    public int Count => _textOf.Length;

    public double[] Idf { get; }

    /// <summary>Per term, the number of questions holding it.</summary>
    public int[] DocumentFrequency { get; }

    public string[] TermText { get; }

    /// <summary>The question's distinct normalized text: two questions with the same id read the same.</summary>
    public int TextOf(int question) => _textOf[question];

    public ReadOnlySpan<int> TermsOf(int question) => TermsOfText(_textOf[question]);

    public double Norm(int question) => _norms[_textOf[question]];

    /// <summary>The ids of the emerging terms the question holds (see <see cref="WithEmerging"/>), sorted; mostly empty.</summary>
    public int[] EmergingOf(int question) => _emerging[_textOf[question]];

    private ReadOnlySpan<int> TermsOfText(int text) => _terms.AsSpan(_offsets[text], _offsets[text + 1] - _offsets[text]);

    /// <summary>The vectors of questions given by their normalized texts (equal texts share a vector).</summary>
    public static QuestionVectors Build(ChineseAnalyzer analyzer, IReadOnlyList<string> normalized)
    {
        var distinct = new Dictionary<string, int>(StringComparer.Ordinal);
        var texts = new List<string>();
        var textOf = new int[normalized.Count];
        for (var i = 0; i < textOf.Length; i++)
        {
            ref var id = ref CollectionsMarshal.GetValueRefOrAddDefault(distinct, normalized[i], out var exists);
            if (!exists)
            {
                id = texts.Count;
                texts.Add(normalized[i]);
            }

            textOf[i] = id;
        }

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
            var remap = remaps[c] = new int[chunks[c].Ids.Count];
            foreach (var (term, local) in chunks[c].Ids)
            {
                ref var id = ref CollectionsMarshal.GetValueRefOrAddDefault(ids, term, out var exists);
                if (!exists)
                {
                    id = ids.Count - 1;
                }

                remap[local] = id;
            }
        }

        var offsets = new int[texts.Count + 1];
        var flat = new int[chunks.Sum(c => c.Terms.Count)];
        var df = new int[ids.Count];
        var text = 0;
        var position = 0;
        for (var c = 0; c < chunkCount; c++)
        {
            var (chunk, remap) = (chunks[c], remaps[c]);
            for (var q = 0; q < chunk.Offsets.Length - 1; q++)
            {
                var start = position;
                for (var j = chunk.Offsets[q]; j < chunk.Offsets[q + 1]; j++)
                {
                    var id = remap[chunk.Terms[j]];
                    flat[position++] = id;
                    df[id] += weights[text];
                }

                flat.AsSpan(start, position - start).Sort();
                offsets[++text] = position;
            }
        }

        var none = new int[texts.Count][];
        Array.Fill(none, []);
        return new QuestionVectors(texts, textOf, weights, offsets, flat, ComputeIdf(df, textOf.Length), df, ids, none);
    }

    /// <summary>The terms of a run of texts, numbered locally.</summary>
    private sealed record Chunk(Dictionary<string, int> Ids, int[] Offsets, List<int> Terms)
    {
        public static Chunk Tokenize(ChineseAnalyzer analyzer, IReadOnlyList<string> texts, int from, int to)
        {
            var ids = new Dictionary<string, int>(StringComparer.Ordinal);
            var stamp = new List<int>();
            var offsets = new int[to - from + 1];
            var flat = new List<int>((to - from) * 16);
            var tokens = new List<string>();
            for (var i = from; i < to; i++)
            {
                tokens.Clear();
                // Greetings and thanks alone (你好, 谢谢百事通) have nothing to cluster on: an empty vector joins nothing.
                if (analyzer.TokenizeNormalized(texts[i], tokens, TermGranularity.NoCharacters))
                {
                    foreach (var token in tokens)
                    {
                        ref var id = ref CollectionsMarshal.GetValueRefOrAddDefault(ids, token, out var exists);
                        if (!exists)
                        {
                            id = stamp.Count;
                            stamp.Add(-1);
                        }

                        if (stamp[id] != i)
                        {
                            stamp[id] = i;
                            flat.Add(id);
                        }
                    }
                }

                offsets[i - from + 1] = flat.Count;
            }

            return new Chunk(ids, offsets, flat);
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

        var textCount = _offsets.Length - 1;
        var df = new int[ids.Count];
        var offsets = new int[_offsets.Length];
        var flat = new List<int>(_terms.Length + textCount);
        var emerging = new int[textCount][];
        var extra = new List<int>();
        var held = new List<int>();
        for (var i = 0; i < textCount; i++)
        {
            extra.Clear();
            held.Clear();
            var own = TermsOfText(i);
            foreach (var (word, id) in emergingIds)
            {
                if (own.IndexOf(id) >= 0)
                {
                    held.Add(id);
                }
                else if (_texts[i].Contains(word, StringComparison.Ordinal))
                {
                    extra.Add(id);
                    held.Add(id);
                }
            }

            var start = flat.Count;
            flat.AddRange(own);
            flat.AddRange(extra);
            var span = CollectionsMarshal.AsSpan(flat)[start..];
            if (extra.Count > 0)
            {
                span.Sort();
            }

            foreach (var t in span)
            {
                df[t] += _weights[i];
            }

            offsets[i + 1] = flat.Count;
            held.Sort();
            emerging[i] = held.Count == 0 ? [] : [.. held];
        }

        var idf = ComputeIdf(df, Count);
        foreach (var (_, id) in emergingIds)
        {
            idf[id] *= boost;
        }

        return new QuestionVectors(_texts, _textOf, _weights, offsets, [.. flat], idf, df, ids, emerging);
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

    /// <summary>Cosine of two questions.</summary>
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
