using System.Diagnostics;
using CitizenBot.Knowledge.Analysis;
using CitizenBot.Knowledge.Retrieval;

namespace CitizenBot.Knowledge.Mining;

/// <summary>
/// One mining run over a message history: every message of the two windows is normalized once, its n-grams counted
/// by <see cref="TermMiner"/>, and the messages are clustered by <see cref="TopicMiner"/> with an analyzer that
/// already knows the new words just found (so a topic is labelled and linked by its new word, not by its pieces).
/// </summary>
/// <remarks>Stateless and thread-safe; each run allocates its own counters.</remarks>
public sealed class MessageMiner(ChineseAnalyzer analyzer, MiningOptions options)
{
    /// <summary>How many newly found words are taught to the topic analyzer.</summary>
    private const int TaughtWords = 200;

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

        var terms = new TermMiner(analyzer.Lexicon, options);
        for (var i = 0; i < normalized.Length; i++)
        {
            terms.Add(normalized[i], periods[i]);
        }

        var termResult = terms.Complete();
        var learned = analyzer.Lexicon.WithWords(termResult.NewWords.Take(TaughtWords).Select(t => t.Term));
        var topicAnalyzer = new ChineseAnalyzer(learned, new TextNormalizer());
        var emerging = termResult.NewWords.Where(t => t.Rise >= options.EmergingRise).Select(t => t.Term).ToHashSet(StringComparer.Ordinal);
        var topicResult = new TopicMiner(topicAnalyzer, options).Mine(inWindow, normalized, periods, retriever, includeMessageIds, emerging);
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
