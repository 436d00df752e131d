namespace CitizenBot.Knowledge.Mining;

/// <summary>
/// Thresholds of term and topic mining. Defaults were chosen on the synthetic streams of the tests and of the
/// <c>mine-bench</c> benchmark (natural logarithms throughout).
/// </summary>
public sealed record MiningOptions
{
    /// <summary>A term needs this many occurrences in the recent window to be reported.</summary>
    public int MinTermCount { get; init; } = 5;

    /// <summary>
    /// Internal cohesion: the smallest pointwise mutual information over a candidate's split points,
    /// <c>min_k ln(c(w)·N / (c(w[..k])·c(w[k..])))</c>, N the number of Han characters in the recent window.
    /// </summary>
    public double MinCohesion { get; init; } = 3.0;

    /// <summary>
    /// Free use: the smaller of the left and right neighbour-character entropies must reach this. A run boundary counts
    /// as a neighbour of its own, so a word standing alone is free.
    /// </summary>
    public double MinBoundaryEntropy { get; init; } = 1.0;

    /// <summary>A candidate inside a longer accepted word is dropped when its count is at most this much above the word's.</summary>
    public double ContainedCountRatio { get; init; } = 1.1;

    /// <summary>
    /// Each n-gram counter is cut back to half this size, dropping the rarest n-grams, whenever it grows past it, so
    /// memory stays bounded whatever the number of messages (lossy counting: rare n-grams are undercounted).
    /// </summary>
    public int MaxNGrams { get; init; } = 1_000_000;

    /// <summary>How many terms, new words and rising terms to report.</summary>
    public int MaxTerms { get; init; } = 50;

    /// <summary>A question joins the closest cluster leader at or above this cosine (TF-IDF over words and bigrams).</summary>
    public double AssignThreshold { get; init; } = 0.35;

    /// <summary>Clusters whose centroids reach this cosine are merged after the single pass.</summary>
    public double MergeThreshold { get; init; } = 0.35;

    /// <summary>A new word rising at least this much (<see cref="MinedTerm.Rise"/>) is an emerging term for topic mining.</summary>
    public double EmergingRise { get; init; } = 2.0;

    /// <summary>An emerging term's IDF weight is multiplied by this when questions are clustered.</summary>
    public double EmergingTermBoost { get; init; } = 3.0;

    /// <summary>Terms in more than this share of the questions (怎么, 可以) link no question to a cluster.</summary>
    public double CommonTermShare { get; init; } = 0.05;

    /// <summary>Clusters with fewer recent questions than this are not topics.</summary>
    public int MinTopicSize { get; init; } = 3;

    /// <summary>How many topics to report.</summary>
    public int MaxTopics { get; init; } = 20;

    /// <summary>A topic is a one-day burst when at least this share of its recent questions came on one calendar day.</summary>
    public double BurstDayShare { get; init; } = 0.6;

    /// <summary>
    /// Examples of a topic searched in the knowledge base; the topic is dropped when more than half of them are
    /// answered with one and the same entry.
    /// </summary>
    public int CheckedExamples { get; init; } = 5;
}
