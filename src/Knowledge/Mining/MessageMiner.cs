using System.Diagnostics;
using CitizenBot.Knowledge.Analysis;
using CitizenBot.Knowledge.Retrieval;

namespace CitizenBot.Knowledge.Mining;

/// <summary>
/// One mining run over a message history: every message of the two windows is normalized once, its n-grams counted
/// by <see cref="TermMiner"/>, and the messages are clustered by <see cref="TopicMiner"/> with the rising new words
/// just found as heavy terms of their own (so a topic is labelled and linked by its new word, not by its pieces).
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
        var inWindow = new List<MinedMessage>(messages.Count);
        var periods = new List<MiningPeriod>(messages.Count);
        foreach (var message in messages.OrderBy(m => m.At))
        {
            var period = window.PeriodOf(message.At);
            if (period != MiningPeriod.Outside)
            {
                inWindow.Add(message);
                periods.Add(period);
            }
        }

        // Normalizing (NFKC, traditional → simplified) is the costliest step per message: both cores share it.
        var normalized = new string[inWindow.Count];
        Parallel.For(0, inWindow.Count, i => normalized[i] = analyzer.Normalize(inWindow[i].Text));

        // Counting n-grams and tokenizing for topics are independent: they share the cores.
        var terms = new TermMiner(analyzer.Lexicon, options);
        QuestionVectors? vectors = null;
        Parallel.Invoke(
            () =>
            {
                for (var i = 0; i < normalized.Length; i++)
                {
                    terms.Add(normalized[i], periods[i]);
                }
            },
            () => vectors = QuestionVectors.Build(analyzer, normalized));
        var termResult = terms.Complete(normalized.Where((_, i) => periods[i] == MiningPeriod.Recent));
        var emerging = termResult.NewWords.Where(t => t.Rise >= options.EmergingRise).Take(MaxEmergingTerms).Select(t => t.Term).ToArray();
        vectors = vectors!.WithEmerging(emerging, normalized, options.EmergingTermBoost);
        var topicResult = new TopicMiner(analyzer, options).Mine(inWindow, normalized, periods, vectors, retriever, includeMessageIds);
        clock.Stop();

        var recent = periods.Count(p => p == MiningPeriod.Recent);
        var statistics = new MiningStatistics(
            window.RecentStart,
            window.End,
            window.PreviousStart,
            recent,
            periods.Count - recent,
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
}
