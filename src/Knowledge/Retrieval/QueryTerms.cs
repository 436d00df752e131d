using System.Text;

namespace CitizenBot.Knowledge.Retrieval;

/// <summary>
/// The distinct terms of one message with their weights (IDF × kind weight), and the FTS5 expression that finds
/// candidate entries for them.
/// </summary>
internal sealed class QueryTerms
{
    private readonly Dictionary<string, int> _positions;
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    public QueryTerms(IReadOnlyList<string> terms, IReadOnlyList<double> weights, string matchExpression)
    {
        Terms = terms;
        Weights = weights;
        MatchExpression = matchExpression;
        TotalWeight = weights.Sum();
        _positions = new Dictionary<string, int>(terms.Count, StringComparer.Ordinal);
        for (var i = 0; i < terms.Count; i++)
        {
            _positions[terms[i]] = i;
        }

        _lookup = _positions.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public IReadOnlyList<string> Terms { get; }

    public IReadOnlyList<double> Weights { get; }

    public double TotalWeight { get; }

    /// <summary>FTS5 query: the searchable terms, each quoted, joined by OR; empty when nothing can match.</summary>
    public string MatchExpression { get; }

    public int Count => Terms.Count;

    public bool TryFind(ReadOnlySpan<char> term, out int position) => _lookup.TryGetValue(term, out position);

    /// <summary>Quotes a term for FTS5 so that syntax characters in it are taken literally.</summary>
    public static void AppendQuoted(StringBuilder sb, string term)
    {
        sb.Append('"');
        foreach (var c in term)
        {
            if (c == '"')
            {
                sb.Append('"');
            }

            sb.Append(c);
        }

        sb.Append('"');
    }
}
