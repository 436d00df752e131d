using System.Runtime.InteropServices;

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

    public void AddDocument(HashSet<string> distinctTerms) => Change(distinctTerms, +1);

    public void RemoveDocument(HashSet<string> distinctTerms) => Change(distinctTerms, -1);

    /// <summary>Adds the changes of <paramref name="other"/> (e.g. a chunk counted on another thread) to these.</summary>
    public void Add(TermStatisticsDelta other)
    {
        foreach (var (term, change) in other._changes)
        {
            CollectionsMarshal.GetValueRefOrAddDefault(_changes, term, out _) += change;
        }

        Documents += other.Documents;
    }

    private void Change(HashSet<string> distinctTerms, int by)
    {
        // Runs for every term of every entry of an import (200 a entry): one hash lookup per term, and the set's
        // own enumerator rather than an interface one.
        foreach (var term in distinctTerms)
        {
            CollectionsMarshal.GetValueRefOrAddDefault(_changes, term, out _) += by;
        }

        Documents += by;
    }
}
