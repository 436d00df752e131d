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

    /// <summary>The centroid of <paramref name="texts"/>, each standing for <paramref name="copies"/> questions.</summary>
    /// <param name="vectors">The texts' vectors.</param>
    /// <param name="texts">Distinct text ids.</param>
    /// <param name="copies">Per text, how many of the cluster's questions read as it.</param>
    /// <param name="sums">
    /// Scratch of one slot per term, all zero, left all zero: a cluster touches few of the terms, so the caller's one
    /// array serves every cluster it builds instead of a dictionary each.
    /// </param>
    public static Centroid Of(QuestionVectors vectors, ReadOnlySpan<int> texts, ReadOnlySpan<int> copies, double[] sums)
    {
        var touched = new List<int>();
        for (var i = 0; i < texts.Length; i++)
        {
            var norm = vectors.Norm(texts[i]);
            if (norm == 0)
            {
                continue;
            }

            var share = copies[i] / norm;
            foreach (var t in vectors.TermsOf(texts[i]))
            {
                var idf = vectors.Idf[t];
                if (idf == 0)
                {
                    continue;
                }

                // Every contribution is positive, so a zero slot is one not yet touched.
                if (sums[t] == 0)
                {
                    touched.Add(t);
                }

                sums[t] += idf * share;
            }
        }

        var top = new (double Weight, int Term)[touched.Count];
        for (var i = 0; i < top.Length; i++)
        {
            var t = touched[i];
            top[i] = (sums[t], t);
            sums[t] = 0;
        }

        // Heaviest first, ties by term id; then the kept ones by term id for merge-joins.
        Array.Sort(top, static (x, y) => x.Weight != y.Weight ? y.Weight.CompareTo(x.Weight) : x.Term.CompareTo(y.Term));
        var kept = top.AsSpan(0, Math.Min(MaxTerms, top.Length));
        kept.Sort(static (x, y) => x.Term.CompareTo(y.Term));
        var length = 0.0;
        foreach (var (weight, _) in kept)
        {
            length += weight * weight;
        }

        length = Math.Sqrt(length);
        var terms = new int[kept.Length];
        var weights = new double[kept.Length];
        for (var i = 0; i < kept.Length; i++)
        {
            terms[i] = kept[i].Term;
            weights[i] = length == 0 ? 0 : kept[i].Weight / length;
        }

        return new Centroid(terms, weights);
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

    /// <summary>Cosine with one text's vector.</summary>
    public double Cosine(QuestionVectors vectors, int text)
    {
        var norm = vectors.Norm(text);
        if (norm == 0)
        {
            return 0;
        }

        var dot = 0.0;
        foreach (var t in vectors.TermsOf(text))
        {
            dot += Weight(t) * vectors.Idf[t];
        }

        return dot / norm;
    }
}
