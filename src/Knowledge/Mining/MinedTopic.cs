using System.Text.Json.Serialization;

namespace CitizenBot.Knowledge.Mining;

/// <summary>A cluster of questions the knowledge base does not answer confidently.</summary>
/// <param name="Id">Stable across runs while the label terms stay the same (<c>topic-</c> and a hash of them).</param>
/// <param name="Label">The topic's top terms, joined with spaces.</param>
/// <param name="Count">Questions in the recent window.</param>
/// <param name="PreviousCount">Questions in the previous window that joined the same cluster.</param>
/// <param name="Trend"><c>(Count + 1) / (PreviousCount + 1)</c>, rounded to 2 decimals.</param>
/// <param name="Burst">
/// Most of the recent questions (see <see cref="MiningOptions.BurstDayShare"/>) came on one day: an incident, not a
/// lasting need. Bursts rank below every steady topic.
/// </param>
/// <param name="Examples">Up to 5 distinct recent questions closest to the cluster's centroid, closest first.</param>
/// <param name="ClosestEntries">The top 3 entry ids a search for the first example finds (empty without a base).</param>
/// <param name="MessageIds">The recent questions' message ids (offline reports only; null, and omitted, online).</param>
public sealed record MinedTopic(
    string Id,
    string Label,
    int Count,
    int PreviousCount,
    double Trend,
    bool Burst,
    IReadOnlyList<string> Examples,
    IReadOnlyList<string> ClosestEntries,
    [property: JsonPropertyName("message_ids"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    IReadOnlyList<string>? MessageIds);
