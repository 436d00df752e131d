namespace CitizenBot.Knowledge.Mining;

/// <summary>
/// The distinct texts of each cluster with their copies, in flat arrays (a cluster's texts in order of first use):
/// tens of thousands of clusters would otherwise be as many lists for the collector to trace.
/// </summary>
internal sealed class ClusterTexts
{
    private readonly int[] _offsets;
    private readonly int[] _texts;
    private readonly int[] _copies;
    private readonly int[] _questions;

    private ClusterTexts(int[] offsets, int[] texts, int[] copies, int[] questions)
    {
        _offsets = offsets;
        _texts = texts;
        _copies = copies;
        _questions = questions;
    }

    public int Count => _questions.Length;

    /// <summary>Groups texts by cluster (a counting sort, so each cluster keeps its texts in text order).</summary>
    /// <param name="clusterOfText">Per text, its cluster.</param>
    /// <param name="copiesOf">Per text, how many questions read as it.</param>
    /// <param name="clusters">The number of clusters.</param>
    public static ClusterTexts Of(int[] clusterOfText, Func<int, int> copiesOf, int clusters)
    {
        var offsets = new int[clusters + 1];
        var questions = new int[clusters];
        for (var t = 0; t < clusterOfText.Length; t++)
        {
            offsets[clusterOfText[t] + 1]++;
            questions[clusterOfText[t]] += copiesOf(t);
        }

        for (var c = 0; c < clusters; c++)
        {
            offsets[c + 1] += offsets[c];
        }

        var next = offsets[..^1];
        var texts = new int[clusterOfText.Length];
        var copies = new int[clusterOfText.Length];
        for (var t = 0; t < clusterOfText.Length; t++)
        {
            var at = next[clusterOfText[t]]++;
            texts[at] = t;
            copies[at] = copiesOf(t);
        }

        return new ClusterTexts(offsets, texts, copies, questions);
    }

    public ReadOnlySpan<int> Texts(int cluster) => _texts.AsSpan(_offsets[cluster], _offsets[cluster + 1] - _offsets[cluster]);

    public ReadOnlySpan<int> Copies(int cluster) => _copies.AsSpan(_offsets[cluster], _offsets[cluster + 1] - _offsets[cluster]);

    /// <summary>The number of questions in the cluster (its texts' copies).</summary>
    public int Questions(int cluster) => _questions[cluster];
}
