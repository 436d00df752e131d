using System.Diagnostics;
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
        var (rawTexts, rawOf) = DistinctTexts.Of(inWindow.Length, i => inWindow[i].Text);

        // Normalizing (NFKC, traditional → simplified) is the costliest step per text: both cores share it.
        var normalizedRaw = new string[rawTexts.Count];
        Parallel.For(0, rawTexts.Count, i => normalizedRaw[i] = analyzer.Normalize(rawTexts[i]));
        var (texts, textOfRaw) = DistinctTexts.Of(normalizedRaw.Length, r => normalizedRaw[r]);

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
        // The window's bounds as ticks once, not as DateTimeOffset arithmetic per message.
        var (end, recentStart, previousStart) = (window.End.UtcTicks, window.RecentStart.UtcTicks, window.PreviousStart.UtcTicks);
        var keys = new TimeKey[messages.Count];
        var count = 0;
        var sorted = true;
        for (var i = 0; i < messages.Count; i++)
        {
            var ticks = messages[i].At.UtcTicks;
            if (ticks <= end && ticks > previousStart)
            {
                sorted &= count == 0 || keys[count - 1].Ticks <= ticks;
                keys[count++] = new TimeKey(ticks, i);
            }
        }

        // Exports usually come in time order already; sorting a million keys is left for when they do not.
        if (!sorted)
        {
            SortByTime(keys.AsSpan(0, count));
        }

        var inWindow = new MinedMessage[count];
        var periods = new MiningPeriod[count];
        for (var i = 0; i < count; i++)
        {
            inWindow[i] = messages[keys[i].Index];
            periods[i] = keys[i].Ticks > recentStart ? MiningPeriod.Recent : MiningPeriod.Previous;
        }

        return (inWindow, periods);
    }

    /// <summary>
    /// A least-significant-digit radix sort on the ticks, 16 bits a pass over the range the keys span: stable, so equal
    /// times keep their input order, and linear (a comparison sort of a million keys took half a second).
    /// </summary>
    private static void SortByTime(Span<TimeKey> keys)
    {
        var min = long.MaxValue;
        var max = long.MinValue;
        foreach (var key in keys)
        {
            min = Math.Min(min, key.Ticks);
            max = Math.Max(max, key.Ticks);
        }

        var range = (ulong)(max - min);
        var buffer = new TimeKey[keys.Length];
        var counts = new int[1 << 16];
        var inBuffer = false;
        for (var shift = 0; shift < 64 && (range >> shift) != 0; shift += 16)
        {
            Span<TimeKey> from = inBuffer ? buffer : keys;
            Span<TimeKey> to = inBuffer ? keys : buffer;
            Array.Clear(counts);
            foreach (var key in from)
            {
                counts[Digit(key, min, shift)]++;
            }

            var start = 0;
            for (var d = 0; d < counts.Length; d++)
            {
                (counts[d], start) = (start, start + counts[d]);
            }

            foreach (var key in from)
            {
                to[counts[Digit(key, min, shift)]++] = key;
            }

            inBuffer = !inBuffer;
        }

        if (inBuffer)
        {
            buffer.CopyTo(keys);
        }

        static int Digit(TimeKey key, long min, int shift) => (int)(((ulong)(key.Ticks - min) >> shift) & 0xFFFF);
    }

    /// <summary>A message's UTC time and input position.</summary>
    private readonly record struct TimeKey(long Ticks, int Index);
}
