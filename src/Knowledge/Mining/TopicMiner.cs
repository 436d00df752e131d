using System.Security.Cryptography;
using System.Text;
using CitizenBot.Knowledge.Analysis;
using CitizenBot.Knowledge.Retrieval;

namespace CitizenBot.Knowledge.Mining;

/// <summary>
/// Clusters questions into topics. Each question is a TF-IDF vector of its analyzer terms (words and bigrams). One
/// pass in time order joins each question to the most similar cluster leader at or above
/// <see cref="MiningOptions.AssignThreshold"/> (leaders are found through their three rarest linking terms, so the
/// pass is near-linear); then clusters whose centroids reach <see cref="MiningOptions.MergeThreshold"/> are merged.
/// Clusters with at least <see cref="MiningOptions.MinTopicSize"/> recent questions are checked against the
/// knowledge base, largest first: a topic whose checked examples are mostly answered is dropped.
/// </summary>
/// <remarks>Stateless and thread-safe.</remarks>
public sealed class TopicMiner(ChineseAnalyzer analyzer, MiningOptions options)
{
    private const int LinkTerms = 3;
    private const int PostingLimit = 32;
    private const int MergeComparisons = 64;
    private const int MaxExamples = 5;
    private const int LabelTerms = 3;

    /// <summary>Mines <paramref name="questions"/> (those outside both windows are ignored).</summary>
    /// <param name="questions">Abstained or low-confidence questions online; every message offline.</param>
    /// <param name="window">The recent and previous windows.</param>
    /// <param name="retriever">Checks topics and finds their closest entries; null: every cluster is a topic.</param>
    /// <param name="includeMessageIds">List each topic's recent message ids (the offline report does).</param>
    /// <param name="emergingTerms">
    /// Terms that just appeared or rose (new words with a rise of at least <see cref="MiningOptions.EmergingRise"/>):
    /// weighted <see cref="MiningOptions.EmergingTermBoost"/> times, because a new need is named by its new word while
    /// its phrasings share little else; and two questions with different emerging terms never join one cluster. Null:
    /// none.
    /// </param>
    public TopicMiningResult Mine(
        IReadOnlyList<MinedMessage> questions,
        MiningWindow window,
        Retriever? retriever,
        bool includeMessageIds,
        IReadOnlySet<string>? emergingTerms = null)
    {
        var kept = new List<MinedMessage>(questions.Count);
        var periods = new List<MiningPeriod>(questions.Count);
        var normalized = new List<string>(questions.Count);
        foreach (var q in questions)
        {
            var period = window.PeriodOf(q.At);
            if (period != MiningPeriod.Outside)
            {
                kept.Add(q);
                periods.Add(period);
                normalized.Add(analyzer.Normalize(q.Text));
            }
        }

        var vectors = QuestionVectors.Build(analyzer, normalized).WithEmerging(emergingTerms ?? new HashSet<string>(), options.EmergingTermBoost);
        return Mine(kept, periods, vectors, retriever, includeMessageIds);
    }

    /// <summary>As the public overload, on messages already in a window, normalized and turned into vectors.</summary>
    internal TopicMiningResult Mine(
        IReadOnlyList<MinedMessage> questions,
        IReadOnlyList<MiningPeriod> periods,
        QuestionVectors vectors,
        Retriever? retriever,
        bool includeMessageIds)
    {
        var (assignment, clusterCount) = AssignToLeaders(vectors);
        var members = Members(assignment, clusterCount);
        var group = Merge(vectors, members);

        var groups = new Dictionary<int, List<int>>();
        for (var q = 0; q < assignment.Length; q++)
        {
            var root = Find(group, assignment[q]);
            if (!groups.TryGetValue(root, out var list))
            {
                groups[root] = list = [];
            }

            list.Add(q);
        }

        var ranked = groups.Values
            .Select(list => (Members: list, Recent: list.Count(q => periods[q] == MiningPeriod.Recent)))
            .Where(g => g.Recent >= options.MinTopicSize)
            .OrderByDescending(g => g.Recent)
            .ThenBy(g => g.Members[0]);

        var topics = new List<MinedTopic>();
        var searches = 0;
        foreach (var (list, recent) in ranked)
        {
            if (topics.Count >= options.MaxTopics)
            {
                break;
            }

            var topic = Describe(vectors, list, questions, periods, recent, retriever, includeMessageIds, ref searches);
            if (topic is not null)
            {
                topics.Add(topic);
            }
        }

        // Steady topics first: a one-day incident is loud but not a lasting gap in the base.
        var ordered = topics.OrderBy(t => t.Burst).ThenByDescending(t => t.Count).ToArray();
        return new TopicMiningResult(ordered, clusterCount, searches);
    }

    internal (int[] Assignment, int Clusters) AssignToLeaders(QuestionVectors vectors)
    {
        var assignment = new int[vectors.Count];
        var leaders = new List<int>();
        var postings = new Dictionary<int, List<int>>();
        var seenAt = new List<int>();
        var commonLimit = Math.Max(2, options.CommonTermShare * vectors.Count);
        Span<int> links = stackalloc int[LinkTerms];
        for (var q = 0; q < vectors.Count; q++)
        {
            var linkCount = LinkingTerms(vectors, q, commonLimit, links);
            var best = -1;
            var bestSimilarity = 0.0;
            foreach (var term in links[..linkCount])
            {
                if (!postings.TryGetValue(term, out var clusters))
                {
                    continue;
                }

                foreach (var c in clusters)
                {
                    if (seenAt[c] == q)
                    {
                        continue;
                    }

                    seenAt[c] = q;
                    if (Conflict(vectors.EmergingOf(q), vectors.EmergingOf(leaders[c])))
                    {
                        continue;
                    }

                    var similarity = vectors.Cosine(q, leaders[c]);
                    if (similarity > bestSimilarity)
                    {
                        (best, bestSimilarity) = (c, similarity);
                    }
                }
            }

            if (best >= 0 && bestSimilarity >= options.AssignThreshold)
            {
                assignment[q] = best;
                continue;
            }

            var cluster = leaders.Count;
            leaders.Add(q);
            seenAt.Add(-1);
            assignment[q] = cluster;
            foreach (var term in links[..linkCount])
            {
                if (!postings.TryGetValue(term, out var clusters))
                {
                    postings[term] = clusters = [];
                }

                // Only the newest leaders of a term are kept: a topic still alive keeps founding clusters.
                if (clusters.Count == PostingLimit)
                {
                    clusters.RemoveAt(0);
                }

                clusters.Add(cluster);
            }
        }

        return (assignment, leaders.Count);
    }

    /// <summary>The question's rarest terms that appear in other questions but not in too many.</summary>
    private static int LinkingTerms(QuestionVectors vectors, int q, double commonLimit, Span<int> links)
    {
        var count = 0;
        foreach (var t in vectors.TermsOf(q))
        {
            var df = vectors.DocumentFrequency[t];
            if (df < 2 || df > commonLimit)
            {
                continue;
            }

            if (count < links.Length)
            {
                links[count++] = t;
                continue;
            }

            var weakest = 0;
            for (var i = 1; i < count; i++)
            {
                if (vectors.Idf[links[i]] < vectors.Idf[links[weakest]])
                {
                    weakest = i;
                }
            }

            if (vectors.Idf[t] > vectors.Idf[links[weakest]])
            {
                links[weakest] = t;
            }
        }

        return count;
    }

    /// <summary>
    /// Different new words name different needs, however alike the rest of the phrasing is: questions (or clusters)
    /// that both hold emerging terms but share none never join.
    /// </summary>
    private static bool Conflict(int[] emerging, int[] other)
    {
        if (emerging.Length == 0 || other.Length == 0)
        {
            return false;
        }

        foreach (var term in emerging)
        {
            if (Array.BinarySearch(other, term) >= 0)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The emerging terms at least half of the members hold, sorted.</summary>
    private static int[] EmergingOf(QuestionVectors vectors, List<int> members)
    {
        var counts = new Dictionary<int, int>();
        foreach (var q in members)
        {
            foreach (var term in vectors.EmergingOf(q))
            {
                counts[term] = counts.GetValueOrDefault(term) + 1;
            }
        }

        return [.. counts.Where(kv => kv.Value * 2 >= members.Count).Select(kv => kv.Key).Order()];
    }

    private static List<int>[] Members(int[] assignment, int clusters)
    {
        var members = new List<int>[clusters];
        for (var q = 0; q < assignment.Length; q++)
        {
            (members[assignment[q]] ??= []).Add(q);
        }

        return members;
    }

    /// <summary>Union-find over clusters of two or more questions whose centroids are close.</summary>
    private int[] Merge(QuestionVectors vectors, List<int>[] members)
    {
        var parent = Enumerable.Range(0, members.Length).ToArray();
        var centroids = new Dictionary<int, Centroid>();
        var emerging = new Dictionary<int, int[]>();
        var postings = new Dictionary<int, List<int>>();
        for (var c = 0; c < members.Length; c++)
        {
            if (members[c].Count < 2)
            {
                continue;
            }

            var centroid = Centroid.Of(vectors, members[c]);
            centroids[c] = centroid;
            emerging[c] = EmergingOf(vectors, members[c]);
            foreach (var term in centroid.ByWeight().Take(LinkTerms))
            {
                if (!postings.TryGetValue(term, out var others))
                {
                    postings[term] = others = [];
                }

                foreach (var other in others.TakeLast(MergeComparisons))
                {
                    if (Find(parent, other) != Find(parent, c) && !Conflict(emerging[c], emerging[other])
                        && centroid.Cosine(centroids[other]) >= options.MergeThreshold)
                    {
                        parent[Find(parent, c)] = Find(parent, other);
                    }
                }

                others.Add(c);
            }
        }

        return parent;
    }

    private static int Find(int[] parent, int c)
    {
        while (parent[c] != c)
        {
            parent[c] = parent[parent[c]];
            c = parent[c];
        }

        return c;
    }

    private MinedTopic? Describe(
        QuestionVectors vectors,
        List<int> list,
        IReadOnlyList<MinedMessage> questions,
        IReadOnlyList<MiningPeriod> periods,
        int recent,
        Retriever? retriever,
        bool includeMessageIds,
        ref int searches)
    {
        var recentMembers = list.Where(q => periods[q] == MiningPeriod.Recent).ToArray();
        var centroid = Centroid.Of(vectors, recentMembers);
        var examples = new List<string>();
        var seenTexts = new HashSet<int>();
        foreach (var q in recentMembers.OrderByDescending(q => centroid.Cosine(vectors, q)).ThenBy(q => q))
        {
            if (seenTexts.Add(vectors.TextOf(q)))
            {
                examples.Add(questions[q].Text);
                if (examples.Count == MaxExamples)
                {
                    break;
                }
            }
        }

        IReadOnlyList<string> closest = [];
        if (retriever is not null)
        {
            // Answered means most checked examples get the same entry: examples answered by different entries are
            // the retriever matching stray words (光荣道 → 光荣牌), not the base covering the topic.
            var answers = new Dictionary<string, int>(StringComparer.Ordinal);
            var checkedCount = 0;
            foreach (var example in examples.Take(options.CheckedExamples))
            {
                if (retriever.Validate(example) is not null)
                {
                    continue;
                }

                var result = retriever.Search(example, 3);
                searches++;
                if (checkedCount++ == 0)
                {
                    closest = [.. result.Hits.Take(3).Select(h => h.EntryId)];
                }

                if (result.Answer is { } answer)
                {
                    answers[answer.EntryId] = answers.GetValueOrDefault(answer.EntryId) + 1;
                }
            }

            if (answers.Count > 0 && answers.Values.Max() * 2 > checkedCount)
            {
                return null;
            }
        }

        var label = Label(vectors, centroid);
        var previous = list.Count - recent;
        var busiestDay = recentMembers.GroupBy(q => questions[q].At.Date).Max(g => g.Count());
        return new MinedTopic(
            TopicId(label),
            label,
            recent,
            previous,
            Math.Round((recent + 1.0) / (previous + 1.0), 2),
            busiestDay >= options.BurstDayShare * recent,
            examples,
            closest,
            includeMessageIds ? [.. recentMembers.Select(q => questions[q].Id)] : null);
    }

    /// <summary>Up to three of the heaviest centroid terms, a longer term winning over the pieces it contains.</summary>
    private static string Label(QuestionVectors vectors, Centroid centroid)
    {
        var top = centroid.Weights.Length == 0 ? 0 : centroid.Weights.Max();
        var chosen = new List<string>();
        var candidates = centroid.Terms
            .Select(t => (Text: vectors.TermText[t], Weight: centroid.Weight(t)))
            .Where(t => t.Weight >= top * 0.5)
            .OrderByDescending(t => Math.Round(t.Weight, 6))
            .ThenByDescending(t => t.Text.Length)
            .ThenBy(t => t.Text, StringComparer.Ordinal);
        foreach (var (text, _) in candidates)
        {
            if (chosen.Count == LabelTerms)
            {
                break;
            }

            if (!chosen.Any(c => c.Contains(text, StringComparison.Ordinal) || text.Contains(c, StringComparison.Ordinal)))
            {
                chosen.Add(text);
            }
        }

        return string.Join(' ', chosen);
    }

    private static string TopicId(string label) =>
        "topic-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(label)).AsSpan(0, 5));
}
