using System.Diagnostics;
using System.Runtime.InteropServices;
using CitizenBot.Knowledge.Analysis;
using CitizenBot.Knowledge.Retrieval;

namespace CitizenBot.Knowledge.Mining;

/// <summary>
/// One mining run over a message history: every distinct text of the two windows is normalized once, its n-grams
/// counted by <see cref="TermMiner"/> (once for all its copies), and the messages are clustered by
/// <see cref="TopicMiner"/> with the rising new words just found as heavy terms of their own (so a topic is labelled
/// and linked by its new word, not by its pieces).
/// </summary>
/// <remarks>Stateless and thread-safe; each run allocates its own counters.</remarks>
public sealed class MessageMiner(ChineseAnalyzer analyzer, MiningOptions options)
{
    /// <summary>At most this many rising new words weigh more in topic clustering (each is searched in every message).</summary>
    private const int MaxEmergingTerms = 32;

    /// <param name="messages">The history, in any order.</param>
    /// <param name="window">The windows to mine.</param>
    /// <param name="retriever">The knowledge base to check topics against; null to report every cluster.</param>
    /// <param name="includeMessageIds">List each topic's message ids (offline reports).</param>
    public MiningReport Mine(IReadOnlyList<MinedMessage> messages, MiningWindow window, Retriever? retriever, bool includeMessageIds)
    {
        var clock = Stopwatch.StartNew();
        var (inWindow, periods) = InTimeOrder(messages, window);

        // A stream repeats itself (the same question asked the same way, many times over): each distinct text is
        // normalized, counted and tokenized once, standing for all its copies.
        var rawIds = new Dictionary<string, int>(StringComparer.Ordinal);
        var rawTexts = new List<string>();
        var rawOf = new int[inWindow.Length];
        for (var i = 0; i < inWindow.Length; i++)
        {
            ref var id = ref CollectionsMarshal.GetValueRefOrAddDefault(rawIds, inWindow[i].Text, out var exists);
            if (!exists)
            {
                id = rawTexts.Count;
                rawTexts.Add(inWindow[i].Text);
            }

            rawOf[i] = id;
        }

        // Normalizing (NFKC, traditional → simplified) is the costliest step per text: both cores share it.
        var normalizedRaw = new string[rawTexts.Count];
        Parallel.For(0, rawTexts.Count, i => normalizedRaw[i] = analyzer.Normalize(rawTexts[i]));
        var textIds = new Dictionary<string, int>(StringComparer.Ordinal);
        var texts = new List<string>();
        var textOfRaw = new int[normalizedRaw.Length];
        for (var r = 0; r < normalizedRaw.Length; r++)
        {
            ref var id = ref CollectionsMarshal.GetValueRefOrAddDefault(textIds, normalizedRaw[r], out var exists);
            if (!exists)
            {
                id = texts.Count;
                texts.Add(normalizedRaw[r]);
            }

            textOfRaw[r] = id;
        }

        var textOf = new int[inWindow.Length];
        var recentWeights = new int[texts.Count];
        var previousWeights = new int[texts.Count];
        var recent = 0;
        for (var i = 0; i < inWindow.Length; i++)
        {
            var text = textOf[i] = textOfRaw[rawOf[i]];
            if (periods[i] == MiningPeriod.Recent)
            {
                recentWeights[text]++;
                recent++;
            }
            else
            {
                previousWeights[text]++;
            }
        }

        // Counting n-grams and tokenizing for topics are independent: they share the cores.
        var terms = new TermMiner(analyzer.Lexicon, options);
        QuestionVectors? vectors = null;
        Parallel.Invoke(
            () => terms.AddDistinct(texts, recentWeights, previousWeights),
            () => vectors = QuestionVectors.Build(analyzer, texts, textOf));
        var termResult = terms.Complete(texts, recentWeights);
        var emerging = EmergingTerms(termResult.NewWords, retriever);
        vectors = vectors!.WithEmerging(emerging, options.EmergingTermBoost);
        var topicResult = new TopicMiner(analyzer, options).Mine(inWindow, periods, vectors, retriever, includeMessageIds);
        clock.Stop();

        var statistics = new MiningStatistics(
            window.RecentStart,
            window.End,
            window.PreviousStart,
            recent,
            inWindow.Length - recent,
            termResult.Candidates,
            termResult.PruneFloor,
            topicResult.Clusters,
            topicResult.Searches,
            clock.ElapsedMilliseconds);
        return new MiningReport(
            termResult.Terms,
            termResult.NewWords,
            termResult.Rising,
            topicResult.Topics,
            topicResult.Topics.FirstOrDefault(t => !t.Burst),
            termResult.Rising.FirstOrDefault(),
            statistics);
    }

    /// <summary>
    /// The new words that weigh more in clustering: those rising against the previous window, and — when there is a
    /// base to compare with — those the base never mentions (a character pair of the word is in no entry). Without
    /// the second rule a topic could only emerge against a baseline: in a young log (no previous window) or when a
    /// topic is asked about steadily, its word never rises, and its questions, phrased every which way, share too
    /// little else to cluster. A word the base lacks is the gap itself, however steady.
    /// </summary>
    private string[] EmergingTerms(IReadOnlyList<MinedTerm> newWords, Retriever? retriever)
    {
        var emerging = new List<string>(MaxEmergingTerms);
        foreach (var word in newWords)
        {
            if (emerging.Count == MaxEmergingTerms)
            {
                break;
            }

            if (word.Rise >= options.EmergingRise || (retriever is not null && retriever.Mentions(word.Term) == false))
            {
                emerging.Add(word.Term);
            }
        }

        return [.. emerging];
    }

    /// <summary>The messages of the two windows, oldest first (equal times in input order), with their periods.</summary>
    private static (MinedMessage[] Messages, MiningPeriod[] Periods) InTimeOrder(IReadOnlyList<MinedMessage> messages, MiningWindow window)
    {
        var keys = new List<TimeKey>(messages.Count);
        var sorted = true;
        for (var i = 0; i < messages.Count; i++)
        {
            if (window.PeriodOf(messages[i].At) != MiningPeriod.Outside)
            {
                var key = new TimeKey(messages[i].At.UtcTicks, i);
                sorted &= keys.Count == 0 || keys[^1].CompareTo(key) <= 0;
                keys.Add(key);
            }
        }

        // Exports usually come in time order already; sorting a million keys is left for when they do not.
        if (!sorted)
        {
            CollectionsMarshal.AsSpan(keys).Sort();
        }

        var inWindow = new MinedMessage[keys.Count];
        var periods = new MiningPeriod[keys.Count];
        for (var i = 0; i < inWindow.Length; i++)
        {
            inWindow[i] = messages[keys[i].Index];
            periods[i] = window.PeriodOf(inWindow[i].At);
        }

        return (inWindow, periods);
    }

    /// <summary>A message's UTC time and input position: sorting these is a stable sort by time.</summary>
    private readonly record struct TimeKey(long Ticks, int Index) : IComparable<TimeKey>
    {
        public int CompareTo(TimeKey other) => Ticks != other.Ticks ? Ticks.CompareTo(other.Ticks) : Index.CompareTo(other.Index);
    }
}
