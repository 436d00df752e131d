using System.Runtime.InteropServices;
using CitizenBot.Knowledge.Analysis;

namespace CitizenBot.Knowledge.Mining;

/// <summary>
/// Each question as the sorted set of its analyzer terms (words and bigrams) with IDF weights, kept as one flat
/// array of term ids so a million questions cost a few integers each, not a dictionary each.
/// </summary>
internal sealed class QuestionVectors
{
    private readonly int[] _offsets;
    private readonly int[] _terms;
    private readonly double[] _norms;
    private readonly Dictionary<string, int> _ids;

    private QuestionVectors(int[] offsets, int[] terms, double[] idf, int[] documentFrequency, Dictionary<string, int> ids, int[][] emerging)
    {
        _offsets = offsets;
        _terms = terms;
        _ids = ids;
        Idf = idf;
        DocumentFrequency = documentFrequency;
        Emerging = emerging;
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

    public int Count => _norms.Length;

    public double[] Idf { get; }

    public int[] DocumentFrequency { get; }

    public string[] TermText { get; }

    /// <summary>Per question, the ids of the emerging terms it holds (see <see cref="WithEmerging"/>), sorted; mostly empty.</summary>
    public int[][] Emerging { get; }

    public ReadOnlySpan<int> TermsOf(int question) => _terms.AsSpan(_offsets[question], _offsets[question + 1] - _offsets[question]);

    public double Norm(int question) => _norms[question];

    /// <summary>Tokenizes the questions on every core (in chunks with their own term ids, then renumbered).</summary>
    /// <param name="analyzer">Tokenizes the questions.</param>
    /// <param name="normalized">The questions' normalized texts.</param>
    public static QuestionVectors Build(ChineseAnalyzer analyzer, IReadOnlyList<string> normalized)
    {
        var chunkCount = Math.Max(1, Math.Min(Environment.ProcessorCount * 2, normalized.Count / 10_000));
        var chunks = new Chunk[chunkCount];
        Parallel.For(0, chunkCount, c =>
        {
            var from = (int)((long)normalized.Count * c / chunkCount);
            var to = (int)((long)normalized.Count * (c + 1) / chunkCount);
            chunks[c] = Chunk.Tokenize(analyzer, normalized, from, to);
        });

        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        var df = new List<int>();
        var offsets = new int[normalized.Count + 1];
        var flat = new int[chunks.Sum(c => c.Terms.Count)];
        var question = 0;
        var position = 0;
        foreach (var chunk in chunks)
        {
            var remap = new int[chunk.Ids.Count];
            foreach (var (term, local) in chunk.Ids)
            {
                ref var id = ref CollectionsMarshal.GetValueRefOrAddDefault(ids, term, out var exists);
                if (!exists)
                {
                    id = df.Count;
                    df.Add(0);
                }

                remap[local] = id;
                df[id] += chunk.DocumentFrequency[local];
            }

            for (var q = 0; q < chunk.Offsets.Length - 1; q++)
            {
                var start = position;
                for (var j = chunk.Offsets[q]; j < chunk.Offsets[q + 1]; j++)
                {
                    flat[position++] = remap[chunk.Terms[j]];
                }

                flat.AsSpan(start, position - start).Sort();
                offsets[++question] = position;
            }
        }

        var documentFrequency = df.ToArray();
        var none = new int[normalized.Count][];
        Array.Fill(none, []);
        return new QuestionVectors(offsets, flat, ComputeIdf(documentFrequency, normalized.Count), documentFrequency, ids, none);
    }

    /// <summary>The terms of a run of questions, numbered locally.</summary>
    private sealed record Chunk(Dictionary<string, int> Ids, List<int> DocumentFrequency, int[] Offsets, List<int> Terms)
    {
        public static Chunk Tokenize(ChineseAnalyzer analyzer, IReadOnlyList<string> normalized, int from, int to)
        {
            var ids = new Dictionary<string, int>(StringComparer.Ordinal);
            var df = new List<int>();
            var stamp = new List<int>();
            var offsets = new int[to - from + 1];
            var flat = new List<int>((to - from) * 16);
            var tokens = new List<string>();
            for (var i = from; i < to; i++)
            {
                tokens.Clear();
                // Greetings and thanks alone (你好, 谢谢百事通) have nothing to cluster on: an empty vector joins nothing.
                if (analyzer.TokenizeNormalized(normalized[i], tokens, TermGranularity.NoCharacters))
                {
                    foreach (var token in tokens)
                    {
                        ref var id = ref CollectionsMarshal.GetValueRefOrAddDefault(ids, token, out var exists);
                        if (!exists)
                        {
                            id = df.Count;
                            df.Add(0);
                            stamp.Add(-1);
                        }

                        if (stamp[id] != i)
                        {
                            stamp[id] = i;
                            df[id]++;
                            flat.Add(id);
                        }
                    }
                }

                offsets[i - from + 1] = flat.Count;
            }

            return new Chunk(ids, df, offsets, flat);
        }
    }

    /// <summary>
    /// Adds <paramref name="words"/> as terms of every question containing them (the analyzer, not knowing them, only
    /// emitted their bigrams) and multiplies their IDF by <paramref name="boost"/>.
    /// </summary>
    public QuestionVectors WithEmerging(IReadOnlyCollection<string> words, IReadOnlyList<string> normalized, double boost)
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

        var df = new int[ids.Count];
        var offsets = new int[_offsets.Length];
        var flat = new List<int>(_terms.Length + normalized.Count);
        var emerging = new int[Count][];
        var extra = new List<int>();
        for (var i = 0; i < Count; i++)
        {
            extra.Clear();
            var own = TermsOf(i);
            foreach (var (word, id) in emergingIds)
            {
                if (own.IndexOf(id) < 0 && normalized[i].Contains(word, StringComparison.Ordinal))
                {
                    extra.Add(id);
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
                df[t]++;
            }

            offsets[i + 1] = flat.Count;
        }

        var idf = ComputeIdf(df, Count);
        foreach (var (_, id) in emergingIds)
        {
            idf[id] *= boost;
        }

        var held = new List<int>();
        for (var i = 0; i < Count; i++)
        {
            held.Clear();
            var own = CollectionsMarshal.AsSpan(flat).Slice(offsets[i], offsets[i + 1] - offsets[i]);
            foreach (var (_, id) in emergingIds)
            {
                if (own.BinarySearch(id) >= 0)
                {
                    held.Add(id);
                }
            }

            held.Sort();
            emerging[i] = held.Count == 0 ? [] : [.. held];
        }

        return new QuestionVectors(offsets, [.. flat], idf, df, ids, emerging);
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
        var norms = _norms[a] * _norms[b];
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
