namespace CitizenBot.Knowledge.Mining;

/// <summary>The unanswered topics of one run.</summary>
/// <param name="Topics">Steady topics by count, then one-day bursts by count.</param>
/// <param name="Clusters">Clusters made by the single pass, before merging (singletons included).</param>
/// <param name="Searches">Knowledge-base searches made.</param>
public sealed record TopicMiningResult(IReadOnlyList<MinedTopic> Topics, int Clusters, int Searches);
