using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using CitizenBot.Knowledge.Index;
using CitizenBot.Knowledge.Retrieval;

namespace CitizenBot.Benchmarks;

/// <summary>
/// One <see cref="Retriever.Search"/> per invocation over a synthetic index of <see cref="EntryCount"/> entries,
/// cycling through a fixed set of realistic queries. The percentile columns are over iteration means; per-query
/// tail latency (p99) is what the <c>latency</c> mode measures.
/// </summary>
[Config(typeof(Config))]
[MemoryDiagnoser]
public class QueryBenchmarks
{
    private KnowledgeIndex? _index;
    private Retriever? _retriever;
    private string[] _queries = [];
    private int _next;

    /// <summary>Entries in the index: 200, 10,000 and 100,000 unless <c>bdn --entries</c> says otherwise.</summary>
    [ParamsSource(nameof(EntryCounts))]
    public int EntryCount { get; set; }

    public static IEnumerable<int> EntryCounts => BenchmarkSettings.EntryCounts(200, 10_000, 100_000);

    [GlobalSetup]
    public async Task SetupAsync()
    {
        var data = await BenchmarkData.LoadAsync(CancellationToken.None);
        var (path, _, _) = await IndexCache.GetOrBuildAsync(data, EntryCount, rebuild: false, Console.Out, CancellationToken.None);
        _index = await KnowledgeIndex.OpenAsync(path, data.Analyzer, data.Categories, data.Options.Weights, CancellationToken.None);
        _retriever = new Retriever(_index, data.Options.Retrieval);
        _queries = [.. data.Synthetic.GenerateQueries(BenchmarkSettings.QueryCount)];
        _next = 0;
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _index?.Dispose();
        _index = null;
        _retriever = null;
    }

    /// <summary>Searches the next query of the set (top 5, as the bot does).</summary>
    [Benchmark]
    public SearchResult Search()
    {
        var query = _queries[_next];
        _next = _next + 1 == _queries.Length ? 0 : _next + 1;
        return _retriever!.Search(query);
    }

    private sealed class Config : ManualConfig
    {
        public Config() =>
            AddColumn(StatisticColumn.P50, StatisticColumn.P90, StatisticColumn.P95, StatisticColumn.P100, StatisticColumn.OperationsPerSecond);
    }
}
