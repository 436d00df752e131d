using System.Globalization;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using CitizenBot.Knowledge.Content;
using CitizenBot.Knowledge.Index;

namespace CitizenBot.Benchmarks;

/// <summary>
/// <c>UpsertManyAsync</c> of <see cref="EntryCount"/> synthetic entries into a fresh, empty index: one transaction,
/// as an import does. Every iteration gets a new database file (<see cref="CreateIndex"/>), so there is one
/// invocation per iteration and few iterations. 100,000 entries are measured by the <c>latency</c> mode instead.
/// </summary>
[Config(typeof(Config))]
[MemoryDiagnoser]
public class IndexingBenchmarks
{
    private BenchmarkData? _data;
    private List<KnowledgeEntry> _entries = [];
    private string _folder = string.Empty;
    private KnowledgeIndex? _index;

    /// <summary>Entries per import: 200 and 10,000 unless <c>bdn --entries</c> says otherwise.</summary>
    [ParamsSource(nameof(EntryCounts))]
    public int EntryCount { get; set; }

    public static IEnumerable<int> EntryCounts => BenchmarkSettings.EntryCounts(200, 10_000);

    [GlobalSetup]
    public async Task SetupAsync()
    {
        _data = await BenchmarkData.LoadAsync(CancellationToken.None);
        _entries = _data.Synthetic.GenerateEntries(EntryCount);
    }

    [IterationSetup]
    public void CreateIndex()
    {
        _folder = Path.Combine(IndexCache.Folder, string.Create(CultureInfo.InvariantCulture, $"indexing-{Environment.ProcessId}-{Guid.NewGuid():N}"));
        Directory.CreateDirectory(_folder);
        var data = _data!;
        _index = KnowledgeIndex.OpenAsync(Path.Combine(_folder, "knowledge.db"), data.Analyzer, data.Categories, data.Options.Weights, CancellationToken.None)
            .GetAwaiter().GetResult();
    }

    [IterationCleanup]
    public void DeleteIndex()
    {
        _index?.Dispose();
        _index = null;
        Directory.Delete(_folder, recursive: true);
    }

    [Benchmark]
    public Task<ImportSummary> UpsertMany() => _index!.UpsertManyAsync(_entries, CancellationToken.None);

    private sealed class Config : ManualConfig
    {
        public Config()
        {
            AddJob(Job.Default
                .WithStrategy(RunStrategy.Monitoring)
                .WithLaunchCount(1)
                .WithWarmupCount(1)
                .WithIterationCount(3)
                .WithInvocationCount(1)
                .WithUnrollFactor(1)
                .WithId("Import"));
            AddColumn(new EntriesPerSecondColumn());
        }
    }

    /// <summary>Entries indexed per second: the entry count over the mean time of one import.</summary>
    private sealed class EntriesPerSecondColumn : IColumn
    {
        public string Id => nameof(EntriesPerSecondColumn);

        public string ColumnName => "Entries/s";

        public bool AlwaysShow => true;

        public ColumnCategory Category => ColumnCategory.Custom;

        public int PriorityInCategory => 0;

        public bool IsNumeric => true;

        public UnitType UnitType => UnitType.Dimensionless;

        public string Legend => "Entries indexed per second (EntryCount / Mean)";

        public string GetValue(Summary summary, BenchmarkCase benchmarkCase)
        {
            var mean = summary[benchmarkCase]?.ResultStatistics?.Mean;
            var count = benchmarkCase.Parameters[nameof(EntryCount)] as int?;
            return mean is > 0 && count is { } entries
                ? (entries / (mean.Value / 1e9)).ToString("N0", CultureInfo.InvariantCulture)
                : "-";
        }

        public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style) => GetValue(summary, benchmarkCase);

        public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;

        public bool IsAvailable(Summary summary) => true;
    }
}
