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

    private QuestionVectors(int[] offsets, int[] terms, double[] idf, int[] documentFrequency, string[] termText)
    {
        _offsets = offsets;
        _terms = terms;
        Idf = idf;
        DocumentFrequency = documentFrequency;
        TermText = termText;
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

    public ReadOnlySpan<int> TermsOf(int question) => _terms.AsSpan(_offsets[question], _offsets[question + 1] - _offsets[question]);

    public double Norm(int question) => _norms[question];

    /// <param name="analyzer">Tokenizes the questions.</param>
    /// <param name="normalized">The questions' normalized texts.</param>
    /// <param name="boosted">Terms whose IDF weight is multiplied by <paramref name="boost"/>.</param>
    /// <param name="boost">The multiplier.</param>
    public static QuestionVectors Build(ChineseAnalyzer analyzer, IReadOnlyList<string> normalized, IReadOnlySet<string> boosted, double boost)
    {
        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        var df = new List<int>();
        var stamp = new List<int>();
        var offsets = new int[normalized.Count + 1];
        var flat = new List<int>(normalized.Count * 16);
        var tokens = new List<string>();
        for (var i = 0; i < normalized.Count; i++)
        {
            tokens.Clear();
            var start = flat.Count;
            // Greetings and thanks alone (你好, 谢谢百事通) have nothing to cluster on: an empty vector joins nothing.
            if (!analyzer.TokenizeNormalized(normalized[i], tokens, TermGranularity.NoCharacters))
            {
                offsets[i + 1] = start;
                continue;
            }

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

            CollectionsMarshal.AsSpan(flat)[start..].Sort();
            offsets[i + 1] = flat.Count;
        }

        var count = normalized.Count;
        var idf = new double[df.Count];
        for (var t = 0; t < idf.Length; t++)
        {
            idf[t] = Math.Log(1.0 + ((double)count / df[t]));
        }

        var text = new string[df.Count];
        foreach (var (term, id) in ids)
        {
            text[id] = term;
            if (boosted.Contains(term))
            {
                idf[id] *= boost;
            }
        }

        return new QuestionVectors(offsets, [.. flat], idf, [.. df], text);
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
