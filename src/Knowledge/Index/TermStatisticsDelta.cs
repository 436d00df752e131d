namespace CitizenBot.Knowledge.Index;

/// <summary>
/// The document-frequency changes of one write, collected while its transaction runs and applied to
/// <see cref="TermStatistics"/> only after it commits. Its size is bounded by the vocabulary, not the batch.
/// </summary>
internal sealed class TermStatisticsDelta
{
    private readonly Dictionary<string, int> _changes = new(StringComparer.Ordinal);

    public IReadOnlyDictionary<string, int> Changes => _changes;

    public int Documents { get; private set; }

    public void AddDocument(IEnumerable<string> distinctTerms) => Change(distinctTerms, +1);

    public void RemoveDocument(IEnumerable<string> distinctTerms) => Change(distinctTerms, -1);

    private void Change(IEnumerable<string> distinctTerms, int by)
    {
        foreach (var term in distinctTerms)
        {
            _changes[term] = _changes.GetValueOrDefault(term) + by;
        }

        Documents += by;
    }
}
