using System.Runtime.InteropServices;

namespace CitizenBot.Knowledge.Index;

/// <summary>
/// The document-frequency changes of one write, collected while its transaction runs and applied to
/// <see cref="TermStatistics"/> only after it commits. Its size is bounded by the vocabulary, not the batch.
/// </summary>
/// <remarks>
/// Thread-safe: the threads that prepare an import's entries count their terms into it (<see cref="AddDocuments"/>)
/// while the writer removes those of replaced entries. Counting every term of every entry was about a tenth of the
/// single writer's time in an import.
/// </remarks>
internal sealed class TermStatisticsDelta
{
    private readonly Dictionary<string, TermCount> _changes = new(StringComparer.Ordinal);
    private int _documents;

    public IEnumerable<KeyValuePair<string, int>> Changes => _changes.Select(c => KeyValuePair.Create(c.Key, c.Value.Change));

    public int Documents => _documents;

    public void AddDocument(HashSet<string> distinctTerms) => Change(distinctTerms, +1);

    public void RemoveDocument(HashSet<string> distinctTerms) => Change(distinctTerms, -1);

    /// <summary>
    /// Adds one document per term list, each term counted once per list however often it occurs in it: the same as
    /// <see cref="AddDocument"/> with each list's distinct terms, without building that set.
    /// </summary>
    /// <param name="documents">Every term of each document, repeats included.</param>
    /// <param name="firstNumber">
    /// A number for the first document, the next ones following: numbers must not repeat across the calls on one
    /// delta (an import numbers its entries in order).
    /// </param>
    public void AddDocuments(IReadOnlyList<string[]> documents, int firstNumber)
    {
        lock (_changes)
        {
            for (var i = 0; i < documents.Count; i++)
            {
                var number = firstNumber + i;
                foreach (var term in documents[i])
                {
                    ref var count = ref CollectionsMarshal.GetValueRefOrAddDefault(_changes, term, out var exists);
                    if (!exists)
                    {
                        count = new TermCount(1, number);
                    }
                    else if (count.LastDocument != number)
                    {
                        count = new TermCount(count.Change + 1, number);
                    }
                }
            }

            _documents += documents.Count;
        }
    }

    private void Change(HashSet<string> distinctTerms, int by)
    {
        lock (_changes)
        {
            foreach (var term in distinctTerms)
            {
                ref var count = ref CollectionsMarshal.GetValueRefOrAddDefault(_changes, term, out _);
                count = new TermCount(count.Change + by, -1);
            }

            _documents += by;
        }
    }

    /// <summary>A term's change, and the last document that counted it (−1 when unknown).</summary>
    private readonly record struct TermCount(int Change, int LastDocument);
}
