using CitizenBot.Knowledge.Curation;

namespace CitizenBot.Knowledge.Mining.Review;

/// <summary>
/// What an admin does with an unanswered topic from the review queue: make it a published entry whose alternative
/// questions are the topic's examples, add the examples to an existing entry, or dismiss it. The entry is written
/// first and the decision second, so a crash between them leaves the topic in the queue (to be dismissed), never a
/// decided topic without its entry.
/// </summary>
/// <remarks>
/// One decision at a time: two admins accepting the same topic at once would otherwise both create an entry.
/// </remarks>
public sealed class TopicReview(MiningService mining, EntryCurator curator)
{
    private readonly SemaphoreSlim _gate = new(1, 1);

    /// <summary>Creates and publishes an entry from topic <paramref name="topicId"/>; null when the topic is unknown or decided.</summary>
    /// <param name="topicId">A topic of the latest report.</param>
    /// <param name="entry">The admin's title, answer, category and tags; its questions are replaced by the examples.</param>
    /// <param name="author">The admin's user name.</param>
    /// <param name="cancellationToken">Cancels the wait; once the entry is written the decision is recorded regardless.</param>
    public async Task<CurationOutcome?> AcceptAsync(string topicId, EntryInput entry, string author, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (await mining.FindTopicAsync(topicId, cancellationToken) is not { } topic)
            {
                return null;
            }

            // The title is the canonical question and may well be one of the examples: the rest are its alternatives.
            var title = entry.Title?.Trim();
            var questions = topic.Examples.Where(e => !string.Equals(e.Trim(), title, StringComparison.Ordinal)).ToArray();
            var outcome = await curator.CreateAsync(
                entry with { Questions = questions, Status = Content.EntryStatusText.Published },
                author,
                RevisionAction.TopicAccepted,
                cancellationToken);
            if (outcome.Status == CurationStatus.Saved)
            {
                await mining.DecideTopicAsync(topicId, TopicDecision.Accepted, outcome.Entry!.Entry.Id, author, CancellationToken.None);
            }

            return outcome;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Adds topic <paramref name="topicId"/>'s examples to entry <paramref name="entryId"/>; null when the topic is unknown or decided.</summary>
    public async Task<CurationOutcome?> AttachAsync(string topicId, string entryId, string author, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (await mining.FindTopicAsync(topicId, cancellationToken) is not { } topic)
            {
                return null;
            }

            var outcome = await curator.AddQuestionsAsync(entryId, topic.Examples, author, RevisionAction.QuestionsAdded, cancellationToken);
            if (outcome.Status == CurationStatus.Saved)
            {
                await mining.DecideTopicAsync(topicId, TopicDecision.Attached, entryId, author, CancellationToken.None);
            }

            return outcome;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Hides topic <paramref name="topicId"/> for good; false when it is unknown or already decided.</summary>
    public async Task<bool> DismissAsync(string topicId, string author, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            return await mining.FindTopicAsync(topicId, cancellationToken) is not null
                && await mining.DecideTopicAsync(topicId, TopicDecision.Dismissed, null, author, cancellationToken);
        }
        finally
        {
            _gate.Release();
        }
    }
}
