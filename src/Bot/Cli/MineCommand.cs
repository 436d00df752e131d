using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using CitizenBot.Knowledge;
using CitizenBot.Knowledge.Mining;
using CitizenBot.Knowledge.Mining.Review;
using Microsoft.Extensions.Options;

namespace CitizenBot.Bot.Cli;

/// <summary>
/// <c>mine --input &lt;messages.jsonl&gt; [--recent-days N] [--out report.json]</c>: frequent and new terms and
/// unanswered topics of a timestamped history (a WeChat group or 12345 export), checked against a private copy of
/// the knowledge base (never the service's data). The windows end at the newest message, not at the wall clock.
/// Bad lines are reported as <c>file:line: message</c> on stderr and skipped; the run fails only when no line is good.
/// </summary>
internal static class MineCommand
{
    private const int MaxErrorsShown = 20;

    public static Command Create(IServiceProvider services)
    {
        var input = new Option<string>("--input") { Description = "Messages, JSON Lines {\"id\",\"at\":\"<ISO 8601 with offset>\",\"text\"}.", Required = true };
        var recentDays = new Option<int>("--recent-days") { Description = "Length of the recent window in days (the previous window is as long).", DefaultValueFactory = _ => 30 };
        var output = new Option<string?>("--out") { Description = "Write the report JSON here (default: stdout)." };
        var command = new Command("mine", "Mine frequent/new terms and unanswered topics from a message history (never touches the service's data).")
        {
            input, recentDays, output,
        };
        command.SetAction(async (result, cancellationToken) =>
        {
            var days = result.GetValue(recentDays);
            if (days < 1)
            {
                await Console.Error.WriteLineAsync("--recent-days must be at least 1.");
                return 2;
            }

            var clock = Stopwatch.StartNew();
            // The base is copied while the file is read: the two are independent, and the copy leaves a core free.
            var opening = Task.Run(() => OpenSnapshotAsync(services, cancellationToken), cancellationToken);
            var errors = 0;
            IReadOnlyList<MinedMessage> messages;
            try
            {
                messages = await MinedMessageReader.ReadAsync(result.GetValue(input)!, error =>
                {
                    if (++errors <= MaxErrorsShown)
                    {
                        Console.Error.WriteLine(error);
                    }
                }, cancellationToken);
            }
            catch (KnowledgeContentException ex)
            {
                await Console.Error.WriteLineAsync(ex.Message);
                await DiscardAsync(opening);
                return 1;
            }

            if (errors > MaxErrorsShown)
            {
                await Console.Error.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"… and {errors - MaxErrorsShown} more bad lines."));
            }

            if (messages.Count == 0)
            {
                await Console.Error.WriteLineAsync("No valid message to mine.");
                await DiscardAsync(opening);
                return 1;
            }

            var readSeconds = clock.Elapsed.TotalSeconds;
            MiningReport report;
            try
            {
                using var snapshot = await opening;
                var miner = new MessageMiner(snapshot.Index.Analyzer, new MiningOptions());
                report = miner.Mine(messages, MiningWindow.EndingAtNewest(messages, days), snapshot.Retriever, includeMessageIds: true);
            }
            catch (KnowledgeContentException ex)
            {
                await Console.Error.WriteLineAsync(ex.Message);
                return 1;
            }

            var json = MiningReportJson.Serialize(report);
            if (result.GetValue(output) is { } outPath)
            {
                await File.WriteAllTextAsync(outPath, json + Environment.NewLine, cancellationToken);
            }
            else
            {
                await Console.Out.WriteLineAsync(json);
            }

            var s = report.Statistics;
            using var process = Process.GetCurrentProcess();
            await Console.Error.WriteLineAsync(string.Create(
                CultureInfo.InvariantCulture,
                $"mined {messages.Count:N0} messages ({errors} bad lines skipped): recent window {s.RecentFrom:yyyy-MM-dd HH:mm} – {s.RecentTo:yyyy-MM-dd HH:mm} {s.RecentMessages:N0}, previous {s.PreviousMessages:N0}; {report.Terms.Count} terms, {report.NewWords.Count} new words, {report.Topics.Count} topics; read {readSeconds:F1} s, mined {s.ElapsedMilliseconds / 1000.0:F1} s, total {clock.Elapsed.TotalSeconds:F1} s; peak working set {process.PeakWorkingSet64 / 1048576.0:F0} MiB"));
            return 0;
        });
        return command;
    }

    /// <summary>A private copy of the knowledge base with the words curators accepted from earlier mining.</summary>
    private static async Task<KnowledgeSnapshot> OpenSnapshotAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var options = services.GetRequiredService<IOptions<KnowledgeOptions>>().Value;
        var learned = await ReviewStore.ReadVocabularySnapshotAsync(services.GetRequiredService<ReviewStore>().DatabasePath, cancellationToken);
        return await KnowledgeSnapshot.OpenAsync(services.GetRequiredService<KnowledgePaths>(), options, learned, cancellationToken);
    }

    /// <summary>Disposes a copy that is no longer needed (the run stopped at the input); its own failure is moot then.</summary>
    private static async Task DiscardAsync(Task<KnowledgeSnapshot> opening)
    {
        try
        {
            (await opening).Dispose();
        }
        catch (Exception ex) when (ex is KnowledgeContentException or OperationCanceledException or IOException)
        {
            // The run already failed on its input; a base that could not be copied changes nothing for the caller.
        }
    }
}
