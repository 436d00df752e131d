using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;
using CitizenBot.Knowledge.Analysis;
using CitizenBot.Knowledge.Retrieval;

namespace CitizenBot.Knowledge.Mining;

/// <summary>
/// Clusters questions into topics. Each question is a TF-IDF vector of its analyzer terms (words and bigrams). One
/// pass over the distinct texts, in the order residents first used them, joins each text — with every question that
/// reads as it — to the most similar cluster leader at or above <see cref="MiningOptions.AssignThreshold"/> (leaders
/// are found through their three rarest linking terms, so the pass is near-linear); then clusters whose centroids
/// reach <see cref="MiningOptions.MergeThreshold"/> are merged.
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
        var (clusterOfText, clusterCount) = AssignToLeaders(vectors);
        var members = ClusterTexts.Of(clusterOfText, vectors.CopiesOf, clusterCount);
        var group = Merge(vectors, members);

        // Each question's topic is its merged cluster; what ranks a topic is its recent questions, ties going to the
        // topic asked first.
        var rootOfText = new int[clusterOfText.Length];
        for (var t = 0; t < rootOfText.Length; t++)
        {
            rootOfText[t] = Find(group, clusterOfText[t]);
        }

        var recentCount = new int[clusterCount];
        var totalCount = new int[clusterCount];
        var firstQuestion = new int[clusterCount];
        for (var q = 0; q < questions.Count; q++)
        {
            var root = rootOfText[vectors.TextOf(q)];
            if (totalCount[root]++ == 0)
            {
                firstQuestion[root] = q;
            }

            if (periods[q] == MiningPeriod.Recent)
            {
                recentCount[root]++;
            }
        }

        var ranked = Enumerable.Range(0, clusterCount)
            .Where(root => recentCount[root] >= options.MinTopicSize)
            .OrderByDescending(root => recentCount[root])
            .ThenBy(root => firstQuestion[root])
            .ToArray();
        var recentMembers = RecentMembers(questions, periods, vectors, rootOfText, ranked, recentCount);

        var topics = new List<MinedTopic>();
        var searches = 0;
        var sums = new double[vectors.Idf.Length];
        for (var r = 0; r < ranked.Length && topics.Count < options.MaxTopics; r++)
        {
            var root = ranked[r];
            var topic = Describe(vectors, recentMembers[r], totalCount[root], questions, retriever, includeMessageIds, sums, ref searches);
            if (topic is not null)
            {
                topics.Add(topic);
            }
        }

        // Steady topics first: a one-day incident is loud but not a lasting gap in the base.
        var ordered = topics.OrderBy(t => t.Burst).ThenByDescending(t => t.Count).ToArray();
        return new TopicMiningResult(ordered, clusterCount, searches);
    }

    /// <summary>Per ranked topic, its recent questions in time order.</summary>
    private static int[][] RecentMembers(
        IReadOnlyList<MinedMessage> questions,
        IReadOnlyList<MiningPeriod> periods,
        QuestionVectors vectors,
        int[] rootOfText,
        int[] ranked,
        int[] recentCount)
    {
        var slotOfRoot = new Dictionary<int, int>(ranked.Length);
        var lists = new int[ranked.Length][];
        for (var r = 0; r < ranked.Length; r++)
        {
            slotOfRoot[ranked[r]] = r;
            lists[r] = new int[recentCount[ranked[r]]];
        }

        var filled = new int[ranked.Length];
        for (var q = 0; q < questions.Count; q++)
        {
            if (periods[q] == MiningPeriod.Recent && slotOfRoot.TryGetValue(rootOfText[vectors.TextOf(q)], out var slot))
            {
                lists[slot][filled[slot]++] = q;
            }
        }

        return lists;
    }

    /// <summary>
    /// One pass over the distinct texts in order of first use: each joins the most similar cluster leader reached
    /// through its linking terms, or leads a new cluster. Every copy of a text is in its text's cluster.
    /// </summary>
    internal (int[] ClusterOfText, int Clusters) AssignToLeaders(QuestionVectors vectors)
    {
        var assignment = new int[vectors.TextCount];
        var leaders = new List<int>();
        var postings = new Dictionary<int, List<int>>();
        var seenAt = new List<int>();
        var commonLimit = Math.Max(2, options.CommonTermShare * vectors.Count);
        Span<int> links = stackalloc int[LinkTerms];
        for (var t = 0; t < assignment.Length; t++)
        {
            var linkCount = LinkingTerms(vectors, t, commonLimit, links);
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
                    if (seenAt[c] == t)
                    {
                        continue;
                    }

                    seenAt[c] = t;
                    if (Conflict(vectors.EmergingOf(t), vectors.EmergingOf(leaders[c])))
                    {
                        continue;
                    }

                    var similarity = vectors.Cosine(t, leaders[c]);
                    if (similarity > bestSimilarity)
                    {
                        (best, bestSimilarity) = (c, similarity);
                    }
                }
            }

            if (best >= 0 && bestSimilarity >= options.AssignThreshold)
            {
                assignment[t] = best;
                continue;
            }

            var cluster = leaders.Count;
            leaders.Add(t);
            seenAt.Add(-1);
            assignment[t] = cluster;
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

    /// <summary>The text's rarest terms that appear in other questions but not in too many.</summary>
    private static int LinkingTerms(QuestionVectors vectors, int text, double commonLimit, Span<int> links)
    {
        var count = 0;
        foreach (var t in vectors.TermsOf(text))
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

    /// <summary>The emerging terms held by at least half of the questions of <paramref name="texts"/>, sorted.</summary>
    private static int[] EmergingOf(QuestionVectors vectors, ReadOnlySpan<int> texts, ReadOnlySpan<int> copies, int questions)
    {
        Dictionary<int, int>? counts = null;
        for (var i = 0; i < texts.Length; i++)
        {
            foreach (var term in vectors.EmergingOf(texts[i]))
            {
                counts ??= [];
                counts[term] = counts.GetValueOrDefault(term) + copies[i];
            }
        }

        return counts is null ? [] : [.. counts.Where(kv => kv.Value * 2 >= questions).Select(kv => kv.Key).Order()];
    }

    /// <summary>
    /// Union-find over clusters of two or more questions whose centroids are close. The centroids are built on every
    /// core first (they are most of the work); the union pass then runs in cluster order.
    /// </summary>
    private int[] Merge(QuestionVectors vectors, ClusterTexts members)
    {
        var clusters = members.Count;
        var centroids = new Centroid?[clusters];
        var emerging = new int[clusters][];
        Parallel.For(
            0,
            clusters,
            () => new double[vectors.Idf.Length],
            (c, _, sums) =>
            {
                var questions = members.Questions(c);
                if (questions >= 2)
                {
                    centroids[c] = Centroid.Of(vectors, members.Texts(c), members.Copies(c), sums);
                    emerging[c] = EmergingOf(vectors, members.Texts(c), members.Copies(c), questions);
                }

                return sums;
            },
            _ => { });

        var parent = Enumerable.Range(0, clusters).ToArray();
        var postings = new Dictionary<int, List<int>>();
        for (var c = 0; c < clusters; c++)
        {
            if (centroids[c] is not { } centroid)
            {
                continue;
            }

            foreach (var term in centroid.ByWeight().Take(LinkTerms))
            {
                if (!postings.TryGetValue(term, out var others))
                {
                    postings[term] = others = [];
                }

                foreach (var other in others.TakeLast(MergeComparisons))
                {
                    if (Find(parent, other) != Find(parent, c) && !Conflict(emerging[c], emerging[other])
                        && centroid.Cosine(centroids[other]!) >= options.MergeThreshold)
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

    /// <param name="vectors">The questions' vectors.</param>
    /// <param name="recentMembers">The topic's recent questions, in time order.</param>
    /// <param name="total">The topic's questions in both windows.</param>
    /// <param name="questions">All questions.</param>
    /// <param name="retriever">Checks whether the base answers the topic; null: it does not.</param>
    /// <param name="includeMessageIds">List the recent questions' ids.</param>
    /// <param name="sums">Centroid scratch (see <see cref="Centroid.Of"/>).</param>
    /// <param name="searches">Counts the knowledge-base searches made.</param>
    private MinedTopic? Describe(
        QuestionVectors vectors,
        int[] recentMembers,
        int total,
        IReadOnlyList<MinedMessage> questions,
        Retriever? retriever,
        bool includeMessageIds,
        double[] sums,
        ref int searches)
    {
        // The recent questions as distinct texts with their copies, in order of first use.
        var firstUse = new Dictionary<int, int>();
        var texts = new List<int>();
        var copies = new List<int>();
        foreach (var q in recentMembers)
        {
            var text = vectors.TextOf(q);
            if (firstUse.TryAdd(text, texts.Count))
            {
                texts.Add(text);
                copies.Add(0);
            }

            copies[firstUse[text]]++;
        }

        var centroid = Centroid.Of(vectors, CollectionsMarshal.AsSpan(texts), CollectionsMarshal.AsSpan(copies), sums);

        // The examples: the texts closest to the centroid, each in the words of the first resident who asked it.
        var firstQuestion = new Dictionary<int, int>(texts.Count);
        foreach (var q in recentMembers)
        {
            firstQuestion.TryAdd(vectors.TextOf(q), q);
        }

        var examples = texts
            .Select(text => (Question: firstQuestion[text], Similarity: centroid.Cosine(vectors, text)))
            .OrderByDescending(x => x.Similarity)
            .ThenBy(x => x.Question)
            .Take(MaxExamples)
            .Select(x => questions[x.Question].Text)
            .ToList();

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
        var recent = recentMembers.Length;
        var previous = total - recent;
        var busiestDay = recentMembers.CountBy(q => questions[q].At.Date).Max(day => day.Value);
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
