using System.Text.Json;
using CitizenBot.Bot.Tests.Infrastructure;

namespace CitizenBot.Bot.Tests.Cli;

/// <summary>The service binary's commands (<c>import</c>, <c>ask</c>, <c>eval</c>, <c>reindex</c>), run as child processes.</summary>
public sealed class CommandLineTests : IDisposable
{
    private const string ValidEntryId = "cli-test-library-01";
    private const string InvalidEntryId = "cli-test-broken-01";
    private const string JsonlEntryId = "cli-test-jsonl-01";

    private const string ValidEntry = """
        ---
        id: cli-test-library-01
        title: 社区图书室几点开门？
        questions:
          - 图书室开放时间
        category: grid
        tags: [图书室, 开放时间]
        status: published
        ---
        社区图书室每天 9:00 至 17:00 开放。
        """;

    // No title: the entry is invalid, and with it the whole import.
    private const string InvalidEntry = """
        ---
        id: cli-test-broken-01
        questions:
          - 这一条缺少标题
        category: grid
        tags: [测试]
        ---
        这一条没有标题，不能导入。
        """;

    private const string JsonlEntry = """
        {"id":"cli-test-jsonl-01","category":"grid","title":"社区活动室怎么预约？","questions":["活动室预约","借用社区活动室"],"answer":"到社区服务站登记即可预约活动室。","tags":["活动室","预约"],"department":"社区服务站","status":"published"}
        """;

    private readonly TempDirectory _root = new();

    private string DataDirectory => _root.Combine("data");

    public void Dispose() => _root.Dispose();

    [Fact]
    public async Task Import_RefusesEverythingAndPrintsFileLineErrors_WhenOneEntryOfAFolderIsInvalid()
    {
        _root.WriteFile($"mixed/{ValidEntryId}.md", ValidEntry);
        _root.WriteFile($"mixed/{InvalidEntryId}.md", InvalidEntry);

        // Relative paths mean what they mean in the caller's shell (the working directory is the temp folder).
        var refused = await RunAsync("import", "mixed");

        Assert.True(refused.ExitCode == 1, refused.ToString());
        Assert.Matches($@"(?m)^{InvalidEntryId}\.md:\d+: .*title", refused.StandardError);
        Assert.DoesNotContain($"{ValidEntryId}.md:", refused.StandardError, StringComparison.Ordinal);
        Assert.Contains("nothing was imported", refused.StandardError, StringComparison.Ordinal);
        Assert.DoesNotContain("Imported", refused.StandardOutput, StringComparison.Ordinal);

        // The valid entry was not imported by the refused run: importing it alone now adds it.
        _root.WriteFile($"valid/{ValidEntryId}.md", ValidEntry);
        var imported = await RunAsync("import", "valid");

        Assert.True(imported.ExitCode == 0, imported.ToString());
        Assert.Contains("1 added, 0 updated, 0 unchanged", imported.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("Searchable now: 1.", imported.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_AddsTheEntries_WhenAJsonlFileIsValid()
    {
        var file = _root.WriteFile("entries.jsonl", JsonlEntry + "\n");

        var result = await RunAsync("import", file);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("Imported 1 entries: 1 added", result.StandardOutput, StringComparison.Ordinal);
        Assert.Equal("", result.StandardError.Trim());
        Assert.True(File.Exists(Path.Combine(DataDirectory, "knowledge.db")), "the index is written to the given data directory");

        // The same file again changes nothing.
        var again = await RunAsync("import", file);
        Assert.True(again.ExitCode == 0, again.ToString());
        Assert.Contains("0 added, 0 updated, 1 unchanged", again.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_FailsWithFileLineError_WhenThePathDoesNotExist()
    {
        var missing = _root.Combine("no-such-folder");

        var result = await RunAsync("import", missing);

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains($"{missing}:0: path not found", result.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ask_AnswersWithHeating01_WhenAskedAboutColdRadiatorsOnAFreshDataDirectory()
    {
        var result = await RunAsync("ask", "暖气不热怎么办");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Matches(@"(?m)^decision:\s+answer \(confidence [01]\.\d\d, right entry among choices [01]\.\d\d\)", result.StandardOutput);
        Assert.Matches(@"(?m)^entry:\s+heating-01\s", result.StandardOutput);
        Assert.Contains("12345", result.StandardOutput, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(DataDirectory, "knowledge.db")), "the seed is imported into the given data directory");
    }

    [Fact]
    public async Task Ask_FailsWithAMessage_WhenTheQuestionIsBlank()
    {
        var result = await RunAsync("ask", "   ");

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.False(string.IsNullOrWhiteSpace(result.StandardError), result.ToString());
    }

    [Fact]
    public async Task Eval_PrintsMetricsAndWritesOneResultLinePerQuestion_WithoutTouchingTheDataDirectory()
    {
        var seedIds = RepositoryPaths.SeedEntryFiles().Select(Path.GetFileNameWithoutExtension).ToHashSet(StringComparer.Ordinal);
        Assert.Contains("heating-01", seedIds);
        Assert.Contains("property-01", seedIds);
        var questions = _root.WriteFile("questions.jsonl", """
            {"id":"q-heating","text":"家里暖气不热怎么办","expected":"heating-01"}
            {"id":"q-property","text":"物业不管事，去哪儿投诉？","expected":"property-01"}
            {"id":"q-weather","text":"今天天气怎么样","expected":null}

            """);
        var output = _root.Combine("results.jsonl");

        var result = await RunAsync("eval", "--kb", RepositoryPaths.KnowledgeBase, "--questions", questions, "--out", output);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("top-1 accuracy", result.StandardOutput, StringComparison.Ordinal);
        Assert.Matches(@"(?m)^questions\s+3 \(2 answerable, 1 null\)", result.StandardOutput);
        Assert.Matches($@"(?m)^entries\s+{RepositoryPaths.SeedEntryFiles().Count}\s*$", result.StandardOutput);

        var lines = (await File.ReadAllLinesAsync(output)).Where(l => l.Length > 0).ToArray();
        Assert.Equal(3, lines.Length);
        var rows = lines.Select(l => JsonDocument.Parse(l).RootElement).ToArray();
        Assert.Equal(["q-heating", "q-property", "q-weather"], rows.Select(r => r.GetProperty("id").GetString()));
        foreach (var row in rows)
        {
            Assert.Equal(JsonValueKind.Array, row.GetProperty("top").ValueKind);
            Assert.Contains(row.GetProperty("decision").GetString(), new[] { "answer", "clarify", "abstain" });
            Assert.True(row.TryGetProperty("entry", out var entry), $"no 'entry' in {row}");
            Assert.True(entry.ValueKind is JsonValueKind.String or JsonValueKind.Null, $"'entry' is {entry.ValueKind}");
        }

        Assert.Equal("heating-01", rows[0].GetProperty("top")[0].GetProperty("entry").GetString());

        // eval builds a throwaway index elsewhere; the service's data directory is never written.
        Assert.False(File.Exists(Path.Combine(DataDirectory, "knowledge.db")), "eval created knowledge.db in the data directory");
        Assert.True(!Directory.Exists(DataDirectory) || !Directory.EnumerateFileSystemEntries(DataDirectory).Any(), "eval wrote into the data directory");
    }

    [Fact]
    public async Task Eval_FindsARelativeKbPath_InTheCallersWorkingDirectory()
    {
        var questions = _root.WriteFile("questions.jsonl", """
            {"id":"q-heating","text":"家里暖气不热怎么办","expected":"heating-01"}
            """);

        // Run from the repository root, as a developer would: `eval --kb knowledge-base ...`.
        var result = await BotCli.RunAsync(RepositoryPaths.Root, DataDirectory, "eval", "--kb", "knowledge-base", "--questions", questions);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Matches($@"(?m)^entries\s+{RepositoryPaths.SeedEntryFiles().Count}\s*$", result.StandardOutput);
        Assert.Matches(@"(?m)^top-1 accuracy\s+100\.0%", result.StandardOutput);
    }

    [Fact]
    public async Task Eval_PrintsTheFittedCalibration_WhenCalibrateIsGiven()
    {
        var questions = _root.WriteFile("questions.jsonl", """
            {"id":"q-heating","text":"家里暖气不热怎么办","expected":"heating-01"}
            {"id":"q-weather","text":"今天天气怎么样","expected":null}
            """);

        var result = await RunAsync("eval", "--kb", RepositoryPaths.KnowledgeBase, "--questions", questions, "--calibrate");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("top-1 accuracy", result.StandardOutput, StringComparison.Ordinal);
        Assert.Matches(@"CalibrationBias=\S+ CalibrationScore=\S+ CalibrationGap=\S+", result.StandardOutput);
        Assert.Matches(@"AnswerThreshold=\S+ ClarifyThreshold=\S+", result.StandardOutput);
        Assert.False(File.Exists(Path.Combine(DataDirectory, "knowledge.db")), "eval created knowledge.db in the data directory");
    }

    [Fact]
    public async Task Reindex_RebuildsTheIndexAndKeepsEntriesSearchable()
    {
        var file = _root.WriteFile("entries.jsonl", JsonlEntry + "\n");
        var imported = await RunAsync("import", file);
        Assert.True(imported.ExitCode == 0, imported.ToString());

        var reindexed = await RunAsync("reindex");

        Assert.True(reindexed.ExitCode == 0, reindexed.ToString());
        Assert.Matches(@"Reindexed 1 searchable entries in \d+ ms\.", reindexed.StandardOutput);

        // Still searchable afterwards (and the seed was not imported behind our back: the index was not empty).
        var asked = await RunAsync("ask", "社区活动室怎么预约？");
        Assert.True(asked.ExitCode == 0, asked.ToString());
        Assert.Contains(JsonlEntryId, asked.StandardOutput, StringComparison.Ordinal);
        Assert.DoesNotContain("heating-01", asked.StandardOutput, StringComparison.Ordinal);
    }

    private Task<CliResult> RunAsync(params string[] args) => BotCli.RunAsync(_root.Path, DataDirectory, args);
}
