using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using CitizenBot.Knowledge.Analysis;
using CitizenBot.Knowledge.Mining.QuestionLog;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CitizenBot.Knowledge.Mining.Review;

/// <summary>
/// Online mining and its review queue: mines the question log over the recent window and the one before it, keeps the
/// latest report (in memory and in <c>review.db</c>), and records what admins decide about its topics and new words.
/// Accepted words and synonyms join the live analyzer at once (the index is re-tokenized) and every later start.
/// </summary>
/// <remarks>
/// Thread-safe. One run at a time: a call while a run is under way joins it. Term decisions are serialized, since each
/// rebuilds the analyzer from all learned words. Requires <see cref="KnowledgeBase"/> to be initialized.
/// </remarks>
public sealed class MiningService : IDisposable
{
    private const int MinTermLength = 2;
    private const int MaxTermLength = 8;

    private readonly KnowledgeBase _knowledge;
    private readonly QuestionLogStore _log;
    private readonly ReviewStore _store;
    private readonly MiningServiceOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly Lock _runLock = new();
    private readonly SemaphoreSlim _vocabularyGate = new(1, 1);
    private readonly CancellationTokenSource _disposing = new();
    private Task<MiningRun>? _running;
    private MiningRun? _latest;

    internal MiningService(
        KnowledgeBase knowledge,
        QuestionLogStore log,
        ReviewStore store,
        IOptions<MiningServiceOptions> options,
        TimeProvider time,
        ILogger<MiningService> logger)
    {
        _knowledge = knowledge;
        _log = log;
        _store = store;
        _options = options.Value;
        _time = time;
        _logger = logger;
    }

    /// <summary>
    /// Mines the questions logged in the last <see cref="MiningServiceOptions.RecentDays"/> days (against the same
    /// length before), with topics the live knowledge base answers left out, and stores the report as the latest.
    /// </summary>
    /// <remarks>
    /// Reads only the two windows. When a run is already under way the call joins it; cancelling a call stops waiting,
    /// not the run another caller may be waiting for.
    /// </remarks>
    public Task<MiningRun> RunAsync(CancellationToken cancellationToken)
    {
        Task<MiningRun> run;
        lock (_runLock)
        {
            // Task.Run: the run must not complete (and clear _running) inside this lock, before it is assigned.
            run = _running ??= Task.Run(RunOnceAsync, CancellationToken.None);
        }

        return run.WaitAsync(cancellationToken);
    }

    /// <summary>The latest report without decided topics and new words; null when mining never ran.</summary>
    public async Task<ReviewQueue?> GetQueueAsync(CancellationToken cancellationToken)
    {
        if (await LatestAsync(cancellationToken) is not { } latest)
        {
            return null;
        }

        var topics = await _store.ReadDecidedTopicsAsync(cancellationToken);
        var terms = await _store.ReadDecidedTermsAsync(cancellationToken);
        return ReviewQueue.Of(latest, topics, terms);
    }

    /// <summary>The topic <paramref name="topicId"/> of the latest report, or null when unknown or already decided.</summary>
    public async Task<MinedTopic?> FindTopicAsync(string topicId, CancellationToken cancellationToken)
    {
        if (await LatestAsync(cancellationToken) is not { } latest
            || latest.Report.Topics.FirstOrDefault(t => t.Id == topicId) is not { } topic)
        {
            return null;
        }

        var decided = await _store.ReadDecidedTopicsAsync(cancellationToken);
        return decided.Contains(topicId) ? null : topic;
    }

    /// <summary>
    /// Records <paramref name="decision"/> on a topic for good: it stays out of this and every later queue (topic ids
    /// are stable while their label terms are). Does not check that the topic exists; see <see cref="FindTopicAsync"/>.
    /// </summary>
    /// <param name="topicId">The topic's id.</param>
    /// <param name="decision">What was done.</param>
    /// <param name="entryId">The entry created or attached to; required unless dismissed.</param>
    /// <param name="author">The admin's user name.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>False when the topic was already decided (the first decision stands).</returns>
    /// <exception cref="ArgumentException"><paramref name="entryId"/> is missing for an accepted or attached topic.</exception>
    public async Task<bool> DecideTopicAsync(string topicId, TopicDecision decision, string? entryId, string author, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(topicId);
        ArgumentException.ThrowIfNullOrWhiteSpace(author);
        if (decision != TopicDecision.Dismissed && string.IsNullOrWhiteSpace(entryId))
        {
            throw new ArgumentException("An accepted or attached topic names its entry.", nameof(entryId));
        }

        var entry = decision == TopicDecision.Dismissed ? null : entryId;
        var recorded = await _store.DecideTopicAsync(topicId, decision, entry, author, _time.GetUtcNow(), cancellationToken);
        if (recorded)
        {
            ReviewLog.TopicDecided(_logger, topicId, decision, entry);
        }

        return recorded;
    }

    /// <summary>
    /// Adds <paramref name="term"/> to the learned lexicon and re-tokenizes the live index with it. Fails (with a
    /// Chinese message, nothing changed) unless the term is 2–8 Han characters after normalization, unknown to the
    /// lexicon and not decided before.
    /// </summary>
    public Task<TermDecisionResult> AcceptTermAsync(string term, string author, CancellationToken cancellationToken) =>
        DecideTermAsync(term, null, author, cancellationToken);

    /// <summary>
    /// Makes <paramref name="term"/> a synonym of <paramref name="existingTerm"/>: it joins the synonym group that
    /// holds the existing term, or a new group of the two (the existing term canonical); then re-tokenizes the live
    /// index. Fails like <see cref="AcceptTermAsync"/>, and when the existing term is not 2–8 Han characters, is the
    /// term itself or a filler word.
    /// </summary>
    public Task<TermDecisionResult> AddSynonymAsync(string term, string existingTerm, string author, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(existingTerm);
        return DecideTermAsync(term, existingTerm, author, cancellationToken);
    }

    /// <summary>Hides <paramref name="term"/> from this and later queues; fails when it is malformed or already decided.</summary>
    public async Task<TermDecisionResult> DismissTermAsync(string term, string author, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(term);
        ArgumentException.ThrowIfNullOrWhiteSpace(author);
        var normalized = NormalizeTerm(term);
        if (FormatError(normalized, "新词") is { } error)
        {
            return TermDecisionResult.Invalid(term, "term", error);
        }

        if (!await _store.DismissTermAsync(normalized, author, _time.GetUtcNow(), cancellationToken))
        {
            return TermDecisionResult.Invalid(normalized, "term", AlreadyDecided(normalized));
        }

        ReviewLog.TermDismissed(_logger);
        return new TermDecisionResult(normalized, null, _knowledge.Index.Analyzer.Lexicon.Count, null, null);
    }

    /// <summary>The words and synonyms learned in review so far.</summary>
    public Task<LearnedVocabulary> GetLearnedVocabularyAsync(CancellationToken cancellationToken) =>
        _store.ReadVocabularyAsync(cancellationToken);

    /// <summary>
    /// Writes the learned vocabulary into the <c>lexicon.txt</c> and <c>synonyms.txt</c> of
    /// <paramref name="contentFolder"/> (an exported copy of the content folder; the files are created when missing),
    /// so that the folder loads into the lexicon the service runs with.
    /// </summary>
    public async Task WriteLearnedVocabularyAsync(string contentFolder, CancellationToken cancellationToken)
    {
        var learned = await _store.ReadVocabularyAsync(cancellationToken);
        await LexiconFiles.AppendLearnedAsync(contentFolder, _knowledge.Normalizer, learned.Words, [.. learned.SynonymPairs], cancellationToken);
        ReviewLog.VocabularyWritten(_logger, contentFolder, learned.Words.Count, learned.Synonyms.Count);
    }

    public void Dispose()
    {
        _disposing.Cancel();
        _disposing.Dispose();
        _vocabularyGate.Dispose();
    }

    private async Task<MiningRun> RunOnceAsync()
    {
        try
        {
            return await MineAsync(_disposing.Token);
        }
        finally
        {
            lock (_runLock)
            {
                _running = null;
            }
        }
    }

    private async Task<MiningRun> MineAsync(CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var now = _time.GetUtcNow();
        var window = new MiningWindow(now, TimeSpan.FromDays(_options.RecentDays));
        await _log.InitializeAsync(cancellationToken);
        await _log.FlushAsync(cancellationToken);
        var messages = new List<MinedMessage>();

        // The log stores milliseconds and reads [from, to): one more millisecond takes in a question asked right now.
        await foreach (var question in _log.ListAsync(window.PreviousStart, now.AddMilliseconds(1), null, null, cancellationToken))
        {
            messages.Add(new MinedMessage(question.Id.ToString(CultureInfo.InvariantCulture), question.At, question.Text));
        }

        // The live analyzer and retriever: words learned since the last run count, and topics the base now answers go.
        var miner = new MessageMiner(_knowledge.Index.Analyzer, _options.Thresholds);
        var report = miner.Mine(messages, window, _knowledge.Retriever, includeMessageIds: false);
        await _store.SaveReportAsync(now, MiningReportJson.Serialize(report), cancellationToken);
        var run = new MiningRun(now, report);
        Volatile.Write(ref _latest, run);
        ReviewLog.RunCompleted(_logger, messages.Count, report.Topics.Count, report.NewWords.Count, clock.ElapsedMilliseconds);
        return run;
    }

    private async Task<MiningRun?> LatestAsync(CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref _latest) is { } latest)
        {
            return latest;
        }

        if (await _store.ReadLatestReportAsync(cancellationToken) is not { } stored)
        {
            return null;
        }

        var report = JsonSerializer.Deserialize<MiningReport>(stored.Json, MiningReportJson.Options)
            ?? throw new InvalidDataException("The stored mining report is empty.");
        var loaded = new MiningRun(stored.GeneratedAt, report);

        // A run that finished meanwhile is newer than what was read: keep it.
        return Interlocked.CompareExchange(ref _latest, loaded, null) ?? loaded;
    }

    private async Task<TermDecisionResult> DecideTermAsync(string term, string? existingTerm, string author, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(term);
        ArgumentException.ThrowIfNullOrWhiteSpace(author);
        var normalized = NormalizeTerm(term);
        if (FormatError(normalized, "新词") is { } termError)
        {
            return TermDecisionResult.Invalid(term, "term", termError);
        }

        var of = existingTerm is null ? null : NormalizeTerm(existingTerm);
        if (of is not null && existingTerm is not null)
        {
            if (FormatError(of, "已有词") is { } ofError)
            {
                return TermDecisionResult.Invalid(existingTerm, "of", ofError);
            }

            if (of == normalized)
            {
                return TermDecisionResult.Invalid(existingTerm, "of", "同义词不能是新词本身。");
            }
        }

        await _vocabularyGate.WaitAsync(cancellationToken);
        try
        {
            var lexicon = _knowledge.Index.Analyzer.Lexicon;
            if (lexicon.TryGet(normalized, out _, out _))
            {
                return TermDecisionResult.Invalid(normalized, "term", $"“{normalized}”已在词库中。");
            }

            if (of is not null)
            {
                // A synonym joins a word the analyzer already has; an unknown one would make a group of two strangers.
                if (!lexicon.TryGet(of, out _, out var info))
                {
                    return TermDecisionResult.Invalid(of, "of", $"“{of}”不在词库中，请选择词库里已有的词。");
                }

                if (info.IsFiller)
                {
                    return TermDecisionResult.Invalid(of, "of", $"“{of}”是语气词，不能作为同义词。");
                }
            }

            var now = _time.GetUtcNow();
            var recorded = of is null
                ? await _store.AcceptTermAsync(normalized, author, now, cancellationToken)
                : await _store.AddSynonymAsync(normalized, of, author, now, cancellationToken);
            if (!recorded)
            {
                return TermDecisionResult.Invalid(normalized, "term", AlreadyDecided(normalized));
            }

            // The decision is durable now: the live analyzer must follow it even if the caller gives up waiting, or
            // it would differ from the one the next start builds.
            var clock = Stopwatch.StartNew();
            var learned = await _store.ReadVocabularyAsync(CancellationToken.None);
            var size = await _knowledge.ApplyLearnedVocabularyAsync(learned, CancellationToken.None);
            ReviewLog.VocabularyApplied(_logger, of is null ? "accepted" : "made a synonym", size, clock.ElapsedMilliseconds);
            return new TermDecisionResult(normalized, of, size, null, null);
        }
        finally
        {
            _vocabularyGate.Release();
        }
    }

    private string NormalizeTerm(string term) =>
        _knowledge.Normalizer.Normalize(term).Replace(" ", string.Empty, StringComparison.Ordinal);

    private static string? FormatError(string normalized, string what) =>
        normalized.Length is >= MinTermLength and <= MaxTermLength && normalized.All(CjkRanges.IsCjkBmp)
            ? null
            : $"{what}须为 {MinTermLength} 到 {MaxTermLength} 个汉字。";

    private static string AlreadyDecided(string term) => $"“{term}”已经审核过了。";
}
