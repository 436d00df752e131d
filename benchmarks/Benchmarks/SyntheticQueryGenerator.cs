using CitizenBot.Knowledge.Content;

namespace CitizenBot.Benchmarks;

/// <summary>
/// Query sets for the synthetic knowledge base: dev-set texts and real titles and questions, perturbed the way
/// residents write (swapped words, a dropped character, greetings and trailing noise).
/// </summary>
internal sealed class SyntheticQueryGenerator
{
    private static readonly string[] QueryPrefixes = ["你好，", "请问", "麻烦问下", "@百事通 ", "大家好 ", "问一下 "];
    private static readonly string[] QuerySuffixes = ["谢谢", "急！", "？？", " 在线等", "。"];

    private readonly IReadOnlyList<string> _devSet;
    private readonly string[] _realPhrasings;
    private readonly LexiconWordSwapper _swapper;

    public SyntheticQueryGenerator(IReadOnlyList<KnowledgeEntry> real, IReadOnlyList<string> devSet, LexiconWordSwapper swapper)
    {
        _devSet = devSet;
        _realPhrasings = [.. real.SelectMany(e => e.Questions.Prepend(e.Title))];
        _swapper = swapper;
    }

    /// <summary>
    /// A query set of <paramref name="count"/> messages: dev-set texts (real resident phrasing, perturbed once the
    /// set is exhausted) alternating with real titles and questions perturbed the way residents write.
    /// </summary>
    public List<string> Generate(int count, int seed)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var rng = new Random(seed ^ 0x5EED);
        var queries = new List<string>(count);
        for (var i = 0; i < count; i++)
        {
            if (i % 2 == 0 && _devSet.Count > 0)
            {
                var round = i / 2 / _devSet.Count;
                var text = _devSet[i / 2 % _devSet.Count];
                queries.Add(round == 0 ? text : PerturbQuery(text, rng));
            }
            else
            {
                queries.Add(PerturbQuery(_realPhrasings[rng.Next(_realPhrasings.Length)], rng));
            }
        }

        return queries;
    }

    private string PerturbQuery(string text, Random rng)
    {
        var query = _swapper.SwapWords(text, rng.NextDouble() < 0.5 ? 1 : 0, rng);
        if (rng.NextDouble() < 0.2 && query.Length > 6)
        {
            // A dropped character, as when typing fast; never half of a surrogate pair (emoji).
            var drop = rng.Next(query.Length);
            if (!char.IsSurrogate(query[drop]))
            {
                query = query.Remove(drop, 1);
            }
        }

        if (rng.NextDouble() < 0.3)
        {
            query = rng.Pick(QueryPrefixes) + query;
        }

        if (rng.NextDouble() < 0.2)
        {
            query += rng.Pick(QuerySuffixes);
        }

        return query;
    }
}
