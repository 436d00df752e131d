using CitizenBot.Knowledge.Content;

namespace CitizenBot.Knowledge.Tests.Content;

public sealed class KnowledgeContentReaderTests : IDisposable
{
    private readonly TemporaryDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task ReadAsync_ReadsFaqFolderInOrdinalOrder_WhenFolderHasFaqSubfolder()
    {
        _directory.WriteText("faq/property/property-01.md", SampleEntries.Markdown("property-01", "property"));
        _directory.WriteText("faq/heating/heating-02.md", SampleEntries.Markdown("heating-02"));
        _directory.WriteText("faq/heating/heating-01.md", MarkdownEntryFormat.Write(SampleEntries.Heating()));
        _directory.WriteText("faq/README.md", "# 说明\n");
        _directory.WriteText("faq/heating/README.md", "# 供热\n");
        _directory.WriteText("drafts/other-01.md", "not read: outside faq/\n");

        var result = await KnowledgeContentReader.ReadAsync(_directory.Path, CancellationToken.None);

        Assert.Empty(result.Errors);
        Assert.Equal(["heating-01", "heating-02", "property-01"], result.Entries.Select(e => e.Id));
        Assert.Equal(SampleEntries.Heating(), result.Entries[0]);
    }

    [Fact]
    public async Task ReadAsync_ReadsEveryMarkdownFileRecursively_WhenFolderHasNoFaqSubfolder()
    {
        _directory.WriteText("heating-01.md", SampleEntries.Markdown("heating-01"));
        _directory.WriteText("a/b/heating-02.md", SampleEntries.Markdown("heating-02"));
        _directory.WriteText("README.md", "# 说明\n");
        _directory.WriteText("notes.txt", "ignored\n");

        var result = await KnowledgeContentReader.ReadAsync(_directory.Path, CancellationToken.None);

        Assert.Empty(result.Errors);
        Assert.Equal(["heating-02", "heating-01"], result.Entries.Select(e => e.Id));
    }

    [Fact]
    public async Task ReadAsync_ReportsDuplicateNamingFirstFile_WhenTwoMarkdownFilesShareAnId()
    {
        _directory.WriteText("faq/heating/shared-01.md", SampleEntries.Markdown("shared-01"));
        _directory.WriteText("faq/property/shared-01.md", SampleEntries.Markdown("shared-01", "property"));

        var result = await KnowledgeContentReader.ReadAsync(_directory.Path, CancellationToken.None);

        Assert.Equal("heating", Assert.Single(result.Entries).Category);
        Assert.Equal(
            new ContentError("faq/property/shared-01.md", 2, "duplicate id 'shared-01', first defined at faq/heating/shared-01.md:2"),
            Assert.Single(result.Errors));
    }

    [Fact]
    public async Task ReadAsync_ReportsEveryErrorWithFileAndLine_WhenSeveralFilesAreInvalid()
    {
        _directory.WriteText("faq/heating/heating-01.md", SampleEntries.Markdown("heating-01"));
        _directory.WriteText("faq/heating/heating-02.md", "---\nid: heating-02\ncategory: heating\n---\n\n");
        _directory.WriteText("faq/heating/heating-03.md", "---\nid: heating-03\ntitle: 问？\ncategory: heating\n缺少冒号的一行\nupdated: 2026-10-20\n---\n答\n");
        _directory.WriteText("faq/heating/heating-04.md", "---\nid: heating-4\ntitle: 问？\ncategory: heating\n---\n答\n");
        _directory.WriteBytes("faq/heating/heating-05.md", [.. "---\nid: heating-05\n"u8, 0xC3, 0x28, .. "\n---\n"u8]);
        _directory.WriteText("faq/heating/heating-06.md", "正文，没有 front matter\n");

        var result = await KnowledgeContentReader.ReadAsync(_directory.Path, CancellationToken.None);

        Assert.Equal(["heating-01"], result.Entries.Select(e => e.Id));
        Assert.Equal(
            [
                "faq/heating/heating-02.md:1: 'title' is missing or blank",
                "faq/heating/heating-02.md:4: answer is empty",
                "faq/heating/heating-03.md:5: invalid YAML in front matter: While parsing a block mapping, did not find expected key.",
                "faq/heating/heating-04.md:2: id 'heating-4' does not match the file name 'heating-04'",
                "faq/heating/heating-05.md:3: the file is not valid UTF-8",
                "faq/heating/heating-06.md:1: missing front matter: the file must start with a '---' line",
            ],
            result.Errors.Select(e => e.ToString()));
    }

    [Fact]
    public async Task ReadAsync_ReadsJsonlFileAndReportsDuplicates_WhenPathIsJsonlFile()
    {
        var heating = SampleEntries.Heating();
        var fullWidth = SampleEntries.FullWidth();
        var path = _directory.WriteText(
            "bulk.jsonl",
            $"{JsonlEntryFormat.Write(heating)}\n\n{JsonlEntryFormat.Write(fullWidth)}\n[\"not\", \"an object\"]\n{JsonlEntryFormat.Write(heating)}\n");

        var result = await KnowledgeContentReader.ReadAsync(path, CancellationToken.None);

        Assert.Equal([heating, fullWidth], result.Entries);
        Assert.Equal(
            [
                $"{path}:4: the line is a JSON array, not an object",
                $"{path}:5: duplicate id 'heating-01', first defined at {path}:1",
            ],
            result.Errors.Select(e => e.ToString()));
    }

    [Fact]
    public async Task ReadAsync_ReportsPathNotFound_WhenPathDoesNotExist()
    {
        var path = Path.Combine(_directory.Path, "missing");

        var result = await KnowledgeContentReader.ReadAsync(path, CancellationToken.None);

        Assert.Equal(new ContentError(path, 0, "path not found"), Assert.Single(result.Errors));
        Assert.Empty(result.Entries);
    }

    [Fact]
    public async Task ReadAsync_LoadsSeedKnowledgeBaseWithoutErrors_WhenReadingRepositoryFolder()
    {
        var knowledgeBase = Path.Combine(FindRepositoryRoot(), "knowledge-base");

        var result = await KnowledgeContentReader.ReadAsync(knowledgeBase, CancellationToken.None);

        Assert.True(result.IsValid, string.Join(Environment.NewLine, result.Errors));
    }

    [Fact]
    public async Task ReadAsync_ReadsSeedEntriesBackUnchanged_WhenWrittenInEitherFormat()
    {
        var seed = await KnowledgeContentReader.ReadAsync(Path.Combine(FindRepositoryRoot(), "knowledge-base"), CancellationToken.None);
        foreach (var entry in seed.Entries)
        {
            _directory.WriteText(MarkdownEntryFormat.RelativePath(entry), MarkdownEntryFormat.Write(entry));
        }

        var jsonl = _directory.WriteText("bulk.jsonl", string.Concat(seed.Entries.Select(e => JsonlEntryFormat.Write(e) + "\n")));

        var fromMarkdown = await KnowledgeContentReader.ReadAsync(_directory.Path, CancellationToken.None);
        var fromJsonl = await KnowledgeContentReader.ReadAsync(jsonl, CancellationToken.None);

        Assert.Empty(fromMarkdown.Errors);
        Assert.Empty(fromJsonl.Errors);
        Assert.Equal(seed.Entries, fromMarkdown.Entries);
        Assert.Equal(seed.Entries, fromJsonl.Entries);
    }

    private static string FindRepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "CitizenBot.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No folder above {AppContext.BaseDirectory} contains CitizenBot.sln.");
    }
}
