using System.Diagnostics;
using System.Globalization;
using CitizenBot.Knowledge;
using CitizenBot.Knowledge.Mining;
using CitizenBot.Knowledge.Mining.Review;

namespace CitizenBot.Benchmarks;

/// <summary>
/// The <c>mine-bench</c> mode: for each size, writes a synthetic history (<see cref="MiningBenchStream"/>) as JSON
/// Lines, then does what the <c>mine</c> command does — read the file while copying the knowledge base, mine, serialize —
/// timing each step, with the process's peak working set reset before each size. Quality: which planted new topics
/// come out as steady topics and new words, which rising terms rise, and which bursts are flagged.
/// </summary>
internal static class MiningBench
{
    private const double TargetSeconds = 10;
    private const int TopN = 20;

    public static async Task<int> RunAsync(string[] args, CancellationToken cancellationToken)
    {
        int[] sizes;
        try
        {
            var i = Array.IndexOf(args, "--messages");
            sizes = BenchmarkSettings.ParseCounts(i >= 0 && i + 1 < args.Length ? args[i + 1] : "100000,1000000");
        }
        catch (FormatException ex)
        {
            await Console.Error.WriteLineAsync(ex.Message);
            return 2;
        }

        var keep = args.Contains("--keep");
        var output = Console.Out;
        await output.WriteLineAsync(MachineInfo.Describe());
        await output.WriteLineAsync($"Command: mine-bench --messages {string.Join(',', sizes)}{(keep ? " --keep" : string.Empty)}");
        await output.WriteLineAsync();
        var repo = RepoPaths.Find();
        var stream = await MiningBenchStream.LoadAsync(repo.DevSet, cancellationToken);
        await output.WriteLineAsync("| Messages | read (s) | KB copy (s) | mine (s) | write (s) | total (s) | CPU (s) | ≤ 10 s | peak working set (MiB) | GC heap after (MiB) | n-gram prune floor | new topics found | new words found | rising found | bursts flagged |");
        await output.WriteLineAsync("|---:|---:|---:|---:|---:|---:|---:|:-:|---:|---:|---:|:-:|:-:|:-:|:-:|");
        var notes = new List<string>();
        foreach (var size in sizes)
        {
            var file = Path.Combine(Path.GetTempPath(), string.Create(CultureInfo.InvariantCulture, $"citizenbot-mine-bench-{size}.jsonl"));
            await stream.WriteAsync(file, size, cancellationToken);
            GC.Collect();
            ResetPeakWorkingSet();
            var (row, report) = await MeasureAsync(file, repo, cancellationToken);
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"| {size:N0} | {row}"));
            notes.Add(Describe(size, report));
            if (keep)
            {
                notes.Add($"  kept {file}: run `dotnet src/Bot/bin/Release/net10.0/CitizenBot.Bot.dll mine --input {file} --out /tmp/report.json`");
            }
            else
            {
                File.Delete(file);
            }
        }

        await output.WriteLineAsync();
        foreach (var note in notes)
        {
            await output.WriteLineAsync(note);
        }

        return 0;
    }

    private static async Task<(string Row, MiningReport Report)> MeasureAsync(string file, RepoPaths repo, CancellationToken cancellationToken)
    {
        // CPU time (all threads) next to wall time: on a shared machine the wall clock measures the neighbours too.
        TimeSpan cpuBefore;
        using (var self = Process.GetCurrentProcess())
        {
            cpuBefore = self.TotalProcessorTime;
        }

        var clock = Stopwatch.StartNew();
        var options = new KnowledgeOptions();
        var paths = new KnowledgePaths(repo.KnowledgeBase, Path.Combine(Path.GetTempPath(), $"citizenbot-no-db-{Guid.NewGuid():N}", "knowledge.db"));
        // As the command does: the base is copied while the file is read; "KB copy" is what is left to wait for after.
        var opening = Task.Run(() => KnowledgeSnapshot.OpenAsync(paths, options, LearnedVocabulary.Empty, cancellationToken), cancellationToken);
        var messages = await MinedMessageReader.ReadAsync(file, error => Console.Error.WriteLine(error), cancellationToken);
        var read = clock.Elapsed.TotalSeconds;

        clock.Restart();
        using var snapshot = await opening;
        var copy = clock.Elapsed.TotalSeconds;

        clock.Restart();
        var report = new MessageMiner(snapshot.Index.Analyzer, new MiningOptions())
            .Mine(messages, MiningWindow.EndingAtNewest(messages, 30), snapshot.Retriever, includeMessageIds: true);
        var mine = clock.Elapsed.TotalSeconds;

        clock.Restart();
        var reportPath = file + ".report.json";
        await File.WriteAllTextAsync(reportPath, MiningReportJson.Serialize(report), cancellationToken);
        File.Delete(reportPath);
        var write = clock.Elapsed.TotalSeconds;

        var total = read + copy + mine + write;
        using var process = Process.GetCurrentProcess();
        process.Refresh();
        var cpu = (process.TotalProcessorTime - cpuBefore).TotalSeconds;
        var heap = GC.GetTotalMemory(forceFullCollection: false) / 1048576.0;
        var q = Quality(report);
        var row = string.Create(
            CultureInfo.InvariantCulture,
            $"{read:F2} | {copy:F2} | {mine:F2} | {write:F2} | {total:F2} | {cpu:F2} | {(total <= TargetSeconds ? "yes" : "NO")} | {process.PeakWorkingSet64 / 1048576.0:F0} | {heap:F0} | {report.Statistics.NGramPruneFloor} | {q.Topics}/{MiningBenchStream.NewTopicWords.Length} | {q.Words}/{MiningBenchStream.NewTopicWords.Length} | {q.Rising}/{MiningBenchStream.RisingWords.Length} | {q.Bursts}/{MiningBenchStream.BurstWords.Length} |");
        return (row, report);
    }

    /// <summary>
    /// A planted new topic is found when a steady (not burst) topic in the top 20 is labelled with its word; a new word
    /// when it is among the top 20 new words; a rising term when among the top 20 rising; a burst when every topic
    /// labelled with its word is flagged and none ranks above a found planted topic.
    /// </summary>
    private static (int Topics, int Words, int Rising, int Bursts) Quality(MiningReport report)
    {
        var top = report.Topics.Take(TopN).ToArray();
        var topics = MiningBenchStream.NewTopicWords.Count(w => top.Any(t => !t.Burst && t.Label.Contains(w, StringComparison.Ordinal)));
        var words = MiningBenchStream.NewTopicWords.Count(w => report.NewWords.Take(TopN).Any(t => t.Term == w));
        var rising = MiningBenchStream.RisingWords.Count(w => report.Rising.Take(TopN).Any(t => t.Term.Contains(w, StringComparison.Ordinal) || w.Contains(t.Term, StringComparison.Ordinal)));
        var lastSteady = Array.FindLastIndex(top, t => !t.Burst);
        var bursts = MiningBenchStream.BurstWords.Count(w =>
        {
            var labelled = top.Select((t, i) => (Topic: t, Rank: i)).Where(x => x.Topic.Label.Contains(w, StringComparison.Ordinal)).ToArray();
            return labelled.Length > 0 && labelled.All(x => x.Topic.Burst && x.Rank > lastSteady);
        });
        return (topics, words, rising, bursts);
    }

    private static string Describe(int size, MiningReport report)
    {
        var s = report.Statistics;
        var topics = string.Join("; ", report.Topics.Take(8).Select(t => string.Create(CultureInfo.InvariantCulture, $"{t.Label} ({t.Count}{(t.Burst ? ", burst" : string.Empty)})")));
        var words = string.Join(", ", report.NewWords.Take(10).Select(t => string.Create(CultureInfo.InvariantCulture, $"{t.Term} {t.Count}×{t.Rise}")));
        return string.Create(
            CultureInfo.InvariantCulture,
            $"- {size:N0}: recent {s.RecentMessages:N0}, previous {s.PreviousMessages:N0}, {s.Candidates:N0} cohesive candidates, {s.Clusters:N0} clusters, {s.Searches} KB searches. Top topics: {topics}. Top new words: {words}.");
    }

    /// <summary>Linux: writing 5 to /proc/self/clear_refs resets the peak resident set size (VmHWM) to the current one.</summary>
    private static void ResetPeakWorkingSet()
    {
        try
        {
            File.WriteAllText("/proc/self/clear_refs", "5");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine($"Peak working set not reset ({ex.Message}): figures after the first size are the process's peak so far.");
        }
    }
}
