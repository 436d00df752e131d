namespace CitizenBot.Knowledge.Mining;

/// <summary>The normalized mean of a cluster's question vectors, cut to its heaviest terms (sorted by term id).</summary>
internal sealed class Centroid
{
    private const int MaxTerms = 32;

    private Centroid(int[] terms, double[] weights)
    {
        Terms = terms;
        Weights = weights;
    }

    public int[] Terms { get; }

    public double[] Weights { get; }

    public static Centroid Of(QuestionVectors vectors, IEnumerable<int> members)
    {
        var sums = new Dictionary<int, double>();
        foreach (var q in members)
        {
            var norm = vectors.Norm(q);
            if (norm == 0)
            {
                continue;
            }

            foreach (var t in vectors.TermsOf(q))
            {
                sums[t] = sums.GetValueOrDefault(t) + (vectors.Idf[t] / norm);
            }
        }

        var top = sums.OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key).Take(MaxTerms).OrderBy(kv => kv.Key).ToArray();
        var length = Math.Sqrt(top.Sum(kv => kv.Value * kv.Value));
        return new Centroid([.. top.Select(kv => kv.Key)], [.. top.Select(kv => length == 0 ? 0 : kv.Value / length)]);
    }

    /// <summary>Term ids from heaviest to lightest.</summary>
    public IEnumerable<int> ByWeight() => Enumerable.Range(0, Terms.Length).OrderByDescending(i => Weights[i]).Select(i => Terms[i]);

    public double Weight(int term)
    {
        var i = Array.BinarySearch(Terms, term);
        return i >= 0 ? Weights[i] : 0;
    }

    public double Cosine(Centroid other)
    {
        var dot = 0.0;
        int i = 0, j = 0;
        while (i < Terms.Length && j < other.Terms.Length)
        {
            if (Terms[i] == other.Terms[j])
            {
                dot += Weights[i++] * other.Weights[j++];
            }
            else if (Terms[i] < other.Terms[j])
            {
                i++;
            }
            else
            {
                j++;
            }
        }

        return dot;
    }

    public double Cosine(QuestionVectors vectors, int question)
    {
        var norm = vectors.Norm(question);
        if (norm == 0)
        {
            return 0;
        }

        var dot = 0.0;
        foreach (var t in vectors.TermsOf(question))
        {
            dot += Weight(t) * vectors.Idf[t];
        }

        return dot / norm;
    }
}
