using System.Globalization;
using System.Text;
using CitizenBot.Knowledge.Analysis;
using CitizenBot.Knowledge.Content;
using CitizenBot.Knowledge.Curation;
using CitizenBot.Knowledge.Index;
using CitizenBot.Knowledge.Retrieval;
using CitizenBot.Knowledge.Tests.Infrastructure;
using Microsoft.Data.Sqlite;

namespace CitizenBot.Knowledge.Tests.Index;

public sealed class KnowledgeIndexTests : IDisposable
{
    private static readonly ChineseAnalyzer Analyzer = TestAnalyzers.Create(
        ["供暖费", "居住证", "物业费"],
        [["供暖", "暖气", "供热"]]);

    private readonly IndexFile _file = new();

    public void Dispose() => _file.Dispose();

    [Fact]
    public async Task BundledSqlite_HasFts5AndBm25_WhenOpeningARealFile()
    {
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = _file.DatabasePath.Replace("knowledge.db", "probe.db", StringComparison.Ordinal),
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = false,
        }.ToString());
        Directory.CreateDirectory(Path.GetDirectoryName(_file.DatabasePath)!);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();

        command.CommandText = "SELECT sqlite_version()";
        var version = Version.Parse((string)(await command.ExecuteScalarAsync())!);
        Assert.True(version >= new Version(3, 44), string.Create(CultureInfo.InvariantCulture, $"SQLite {version} is older than 3.44"));

        command.CommandText = """
            CREATE VIRTUAL TABLE probe USING fts5(title, body, tokenize = 'ascii');
            INSERT INTO probe(title, body) VALUES ('暖气 供暖', '供热 单位'), ('居住证', '派出所 办理');
            """;
        await command.ExecuteNonQueryAsync();
        command.CommandText = "SELECT title, bm25(probe, 2.0, 1.0) FROM probe WHERE probe MATCH '\"供暖\" OR \"单位\"' ORDER BY 2";
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        Assert.Equal("暖气 供暖", reader.GetString(0));
        Assert.True(reader.GetDouble(1) < 0, "bm25() returns negative scores, better matches lower");
        Assert.False(await reader.ReadAsync());
    }

    [Fact]
    public async Task SearchStatement_IsCompiledOnce_WhenRunAgainWithOtherValues()
    {
        using var index = await _file.OpenAsync(Analyzer);
        await index.UpsertAsync(Heating("heating-01"), CancellationToken.None);
        Assert.Equal(0, SQLitePCL.raw.sqlite3_open_v2(index.DatabasePath, out var db, SQLitePCL.raw.SQLITE_OPEN_READONLY, null));
        using var connection = db;
        Assert.Equal(0, SQLitePCL.raw.sqlite3_prepare_v2(db, IndexReadSession.SearchSql(new IndexWeights().ToRankFunction()), out var statement));
        using var search = statement;
        var match = SQLitePCL.raw.sqlite3_bind_parameter_index(search, "$match");
        var limit = SQLitePCL.raw.sqlite3_bind_parameter_index(search, "$limit");

        var rows = new List<int>();
        foreach (var (term, k) in new[] { ("\"暖气\"", 5), ("\"供暖\" OR \"暖气\"", 3), ("\"物业费\"", 7) })
        {
            SQLitePCL.raw.sqlite3_bind_text(search, match, term);
            SQLitePCL.raw.sqlite3_bind_int(search, limit, k);
            var count = 0;
            while (SQLitePCL.raw.sqlite3_step(search) == SQLitePCL.raw.SQLITE_ROW)
            {
                count++;
            }

            SQLitePCL.raw.sqlite3_reset(search);
            rows.Add(count);
        }

        Assert.Equal([1, 1, 0], rows);
        // SQLITE_STMTSTATUS_REPREPARE: times SQLite recompiled the statement behind our back.
        Assert.Equal(0, SQLitePCL.raw.sqlite3_stmt_status(search, 5, 0));
    }

    [Fact]
    public async Task GetAsync_ReturnsWhatWasLastWritten_AfterEveryKindOfWrite()
    {
        using var index = await _file.OpenAsync(Analyzer);
        await index.UpsertAsync(Heating("heating-01", "联系供热单位报修。"), CancellationToken.None);
        Assert.Equal("联系供热单位报修。", (await index.GetAsync("heating-01", CancellationToken.None))?.Answer);
        Assert.Equal("联系供热单位报修。", (await index.GetAsync("heating-01", CancellationToken.None))?.Answer); // now from memory

        await index.UpsertAsync(Heating("heating-01", "拨打供热热线。"), CancellationToken.None);
        Assert.Equal("拨打供热热线。", (await index.GetAsync("heating-01", CancellationToken.None))?.Answer);

        var stamp = new RevisionStamp(DateTimeOffset.UnixEpoch, "admin", RevisionAction.Edited);
        var saved = await index.WriteRevisionAsync(Heating("heating-01", "先查阀门。"), stamp, RevisionPrecondition.Existing(null), CancellationToken.None);
        Assert.Equal(RevisionWriteStatus.Saved, saved.Status);
        Assert.Equal("先查阀门。", (await index.GetAsync("heating-01", CancellationToken.None))?.Answer);

        await index.ReindexAsync(CancellationToken.None);
        Assert.Equal("先查阀门。", (await index.GetAsync("heating-01", CancellationToken.None))?.Answer);

        Assert.True(await index.DeleteAsync("heating-01", CancellationToken.None));
        Assert.Null(await index.GetAsync("heating-01", CancellationToken.None));
    }

    [Fact]
    public async Task UpsertAsync_ReturnsAddedAndMakesEntrySearchable_WhenIdIsNew()
    {
        using var index = await _file.OpenAsync(Analyzer);
        var entry = Heating("heating-01");

        Assert.Equal(IndexChange.Added, await index.UpsertAsync(entry, CancellationToken.None));

        Assert.Equal(1, index.Count);
        Assert.Equal(entry, await index.GetAsync("heating-01", CancellationToken.None));
        Assert.Equal(["heating-01"], Find(index, "暖气"));
        Assert.Equal(["heating-01"], Find(index, "供暖")); // the synonym's canonical term is indexed too
    }

    [Fact]
    public async Task UpsertAsync_ReturnsUnchanged_WhenContentIsTheSame()
    {
        using var index = await _file.OpenAsync(Analyzer);
        await index.UpsertAsync(Heating("heating-01"), CancellationToken.None);

        Assert.Equal(IndexChange.Unchanged, await index.UpsertAsync(Heating("heating-01"), CancellationToken.None));

        Assert.Equal(1, index.Count);
        Assert.Equal(1, index.Terms.DocumentFrequency("暖气"));
    }

    [Fact]
    public async Task UpsertAsync_ReturnsUpdatedAndDropsOldTerms_WhenContentChanged()
    {
        using var index = await _file.OpenAsync(Analyzer);
        await index.UpsertAsync(Heating("entry-01"), CancellationToken.None);
        var changed = EntryBuilder.Entry("entry-01").WithTitle("居住证怎么办理？").WithAnswer("到派出所办理。").InCategory("residence-permit").Build();

        Assert.Equal(IndexChange.Updated, await index.UpsertAsync(changed, CancellationToken.None));

        Assert.Equal(1, index.Count);
        Assert.Equal(changed, await index.GetAsync("entry-01", CancellationToken.None));
        Assert.Empty(Find(index, "暖气"));
        Assert.Equal(0, index.Terms.DocumentFrequency("暖气"));
        Assert.Equal(["entry-01"], Find(index, "居住证"));
        Assert.Equal(1, index.Terms.DocumentFrequency("居住证"));
    }

    [Fact]
    public async Task UpsertManyAsync_CountsEachChange_WhenBatchMixesNewChangedAndSameEntries()
    {
        using var index = await _file.OpenAsync(Analyzer);
        await index.UpsertManyAsync([Heating("heating-01"), Heating("heating-02")], CancellationToken.None);

        var summary = await index.UpsertManyAsync(
            [Heating("heating-01"), Heating("heating-02", answer: "新的答案。"), Residence("residence-permit-01")],
            CancellationToken.None);

        Assert.Equal(new ImportSummary(Added: 1, Updated: 1, Unchanged: 1), summary);
        Assert.Equal(3, index.Count);
        Assert.Equal(["heating-01", "heating-02", "residence-permit-01"], await index.ListIdsAsync(CancellationToken.None));
    }

    [Fact]
    public async Task DeleteAsync_RemovesEntryFromStoreAndSearch_WhenIdExists()
    {
        using var index = await _file.OpenAsync(Analyzer);
        await index.UpsertManyAsync([Heating("heating-01"), Heating("heating-02")], CancellationToken.None);

        Assert.True(await index.DeleteAsync("heating-01", CancellationToken.None));

        Assert.Null(await index.GetAsync("heating-01", CancellationToken.None));
        Assert.Equal(["heating-02"], Find(index, "暖气"));
        Assert.Equal(1, index.Count);
        Assert.Equal(1, index.Terms.DocumentFrequency("暖气"));
        Assert.Equal(["heating-02"], await index.ListIdsAsync(CancellationToken.None));
    }

    [Fact]
    public async Task DeleteAsync_ReturnsFalseAndChangesNothing_WhenIdIsUnknown()
    {
        using var index = await _file.OpenAsync(Analyzer);
        await index.UpsertAsync(Heating("heating-01"), CancellationToken.None);

        Assert.False(await index.DeleteAsync("heating-99", CancellationToken.None));

        Assert.Equal(1, index.Count);
        Assert.Equal(["heating-01"], Find(index, "暖气"));
    }

    [Fact]
    public async Task DeleteAsync_RemovesDraftWithoutTouchingStatistics_WhenEntryIsADraft()
    {
        using var index = await _file.OpenAsync(Analyzer);
        await index.UpsertManyAsync([Heating("heating-01"), Heating("heating-02", status: EntryStatus.Draft)], CancellationToken.None);

        Assert.True(await index.DeleteAsync("heating-02", CancellationToken.None));

        Assert.Equal(1, index.Count);
        Assert.Equal(1, index.Terms.DocumentFrequency("暖气"));
        Assert.Equal(["heating-01"], await index.ListIdsAsync(CancellationToken.None));
    }

    /// <summary>Status and content transitions of one entry: what the upsert reports, and whether it is searchable.</summary>
    [Theory]
    [InlineData(null, EntryStatus.Published, false, IndexChange.Added, 1, true)]
    [InlineData(null, EntryStatus.Draft, false, IndexChange.Added, 0, false)]
    [InlineData(EntryStatus.Published, EntryStatus.Published, true, IndexChange.Unchanged, 1, true)]
    [InlineData(EntryStatus.Published, EntryStatus.Published, false, IndexChange.Updated, 1, true)]
    [InlineData(EntryStatus.Published, EntryStatus.Draft, true, IndexChange.Updated, 0, false)]
    [InlineData(EntryStatus.Draft, EntryStatus.Published, true, IndexChange.Updated, 1, true)]
    [InlineData(EntryStatus.Draft, EntryStatus.Draft, true, IndexChange.Unchanged, 0, false)]
    [InlineData(EntryStatus.Draft, EntryStatus.Draft, false, IndexChange.Updated, 0, false)]
    public async Task UpsertAsync_FollowsTransitionTable_WhenStatusOrContentChanges(
        EntryStatus? before,
        EntryStatus after,
        bool sameText,
        IndexChange expectedChange,
        int expectedCount,
        bool searchable)
    {
        using var index = await _file.OpenAsync(Analyzer);
        await index.UpsertAsync(Residence("residence-permit-01"), CancellationToken.None); // a neighbour that must stay as it is
        if (before is { } status)
        {
            await index.UpsertAsync(Heating("heating-01", status: status), CancellationToken.None);
        }

        var entry = Heating("heating-01", answer: sameText ? null : "改过的答案。", status: after);
        var change = await index.UpsertAsync(entry, CancellationToken.None);

        Assert.Equal(expectedChange, change);
        Assert.Equal(entry, await index.GetAsync("heating-01", CancellationToken.None)); // drafts are stored too
        Assert.Equal(expectedCount + 1, index.Count);
        Assert.Equal(expectedCount, index.Terms.DocumentFrequency("暖气"));
        Assert.Equal(searchable ? ["heating-01"] : [], Find(index, "暖气"));
        Assert.Equal(["residence-permit-01"], Find(index, "居住证"));
    }

    [Fact]
    public async Task OpenAsync_KeepsEntriesAndStatistics_WhenIndexIsReopened()
    {
        var draft = Heating("heating-03", status: EntryStatus.Draft);
        int count, termCount;
        using (var index = await _file.OpenAsync(Analyzer))
        {
            await index.UpsertManyAsync([Heating("heating-01"), Residence("residence-permit-01"), draft], CancellationToken.None);
            count = index.Count;
            termCount = index.Terms.TermCount;
        }

        SqliteConnection.ClearAllPools();
        using var reopened = await _file.OpenAsync(Analyzer);

        Assert.Equal(2, count);
        Assert.Equal(count, reopened.Count);
        Assert.Equal(termCount, reopened.Terms.TermCount);
        Assert.Equal(draft, await reopened.GetAsync("heating-03", CancellationToken.None));
        Assert.Equal(["heating-01", "heating-03", "residence-permit-01"], await reopened.ListIdsAsync(CancellationToken.None));
        Assert.Equal(["heating-01"], Find(reopened, "暖气"));
        Assert.Equal(["residence-permit-01"], Find(reopened, "居住证"));
        Assert.Equal(IndexChange.Unchanged, await reopened.UpsertAsync(Heating("heating-01"), CancellationToken.None));
    }

    [Fact]
    public async Task OpenAsync_RetokenizesEntries_WhenLexiconFingerprintChanged()
    {
        var entry = EntryBuilder.Entry("heating-03").WithTitle("供暖费怎么交？").WithAnswer("到供热单位缴费。").Build();
        var before = TestAnalyzers.Create(["居住证"]);
        var after = new ChineseAnalyzer(before.Lexicon.WithWords(["供暖费"]), TestAnalyzers.Normalizer);
        Assert.NotEqual(before.Fingerprint, after.Fingerprint);

        using (var index = await _file.OpenAsync(before))
        {
            await index.UpsertAsync(entry, CancellationToken.None);
            Assert.Equal(0, index.Terms.DocumentFrequency("供暖费"));
            Assert.Empty(Find(index, "供暖费"));
        }

        using (var index = await _file.OpenAsync(after))
        {
            Assert.Equal(1, index.Terms.DocumentFrequency("供暖费"));
            Assert.Equal(["heating-03"], Find(index, "供暖费"));
            Assert.Equal(1, index.Count);
        }

        // Back to the old lexicon: the word term goes again.
        using var reverted = await _file.OpenAsync(before);
        Assert.Equal(0, reverted.Terms.DocumentFrequency("供暖费"));
        Assert.Empty(Find(reverted, "供暖费"));
        Assert.Equal(["heating-03"], Find(reverted, "供暖"));
    }

    [Fact]
    public async Task UpsertManyAsync_WritesNothing_WhenTokenIsCancelledBeforeTheCall()
    {
        using var index = await _file.OpenAsync(Analyzer);
        using var cancellation = new CancellationTokenSource();
        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => index.UpsertManyAsync([Heating("heating-01"), Residence("residence-permit-01")], cancellation.Token));

        Assert.Equal(0, index.Count);
        Assert.Empty(await index.ListIdsAsync(CancellationToken.None));
        Assert.Empty(Find(index, "暖气"));
    }

    [Fact]
    public async Task UpsertManyAsync_RollsBackWholeBatch_WhenCancelledPartWay()
    {
        using var index = await _file.OpenAsync(Analyzer);
        var original = Residence("residence-permit-01");
        await index.UpsertAsync(original, CancellationToken.None);
        var termCount = index.Terms.TermCount;
        using var cancellation = new CancellationTokenSource();
        var batch = new CancellingList<KnowledgeEntry>(
            [Heating("heating-01"), Residence("residence-permit-01", answer: "改过的答案。"), Heating("heating-02")],
            cancelAt: 2,
            cancellation);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => index.UpsertManyAsync(batch, cancellation.Token));

        Assert.True(cancellation.IsCancellationRequested, "the batch was cancelled after two entries were written");
        Assert.Equal(["residence-permit-01"], await index.ListIdsAsync(CancellationToken.None));
        Assert.Equal(original, await index.GetAsync("residence-permit-01", CancellationToken.None));
        Assert.Equal(1, index.Count);
        Assert.Equal(termCount, index.Terms.TermCount);
        Assert.Equal(0, index.Terms.DocumentFrequency("暖气"));
        Assert.Empty(Find(index, "暖气"));

        // The write gate was released: the next batch goes through.
        Assert.Equal(IndexChange.Added, await index.UpsertAsync(Heating("heating-01"), CancellationToken.None));
        Assert.Equal(["heating-01"], Find(index, "暖气"));
    }

    [Fact]
    public async Task TermStatistics_TrackDocumentCounts_WhenEntriesAreUpsertedAndDeleted()
    {
        using var index = await _file.OpenAsync(Analyzer);

        await index.UpsertManyAsync([Heating("heating-01"), Heating("heating-02"), Residence("residence-permit-01")], CancellationToken.None);
        Assert.Equal(3, index.Terms.DocumentCount);
        Assert.Equal(2, index.Terms.DocumentFrequency("暖气"));
        Assert.Equal(2, index.Terms.DocumentFrequency("供暖"));
        Assert.Equal(1, index.Terms.DocumentFrequency("居住证"));

        await index.UpsertAsync(Residence("heating-02"), CancellationToken.None); // heating-02 now talks about 居住证
        Assert.Equal(3, index.Terms.DocumentCount);
        Assert.Equal(1, index.Terms.DocumentFrequency("暖气"));
        Assert.Equal(2, index.Terms.DocumentFrequency("居住证"));

        await index.UpsertAsync(Heating("heating-01", status: EntryStatus.Draft), CancellationToken.None);
        Assert.Equal(2, index.Terms.DocumentCount);
        Assert.Equal(0, index.Terms.DocumentFrequency("暖气"));

        await index.DeleteAsync("residence-permit-01", CancellationToken.None);
        Assert.Equal(1, index.Terms.DocumentCount);
        Assert.Equal(1, index.Terms.DocumentFrequency("居住证"));

        await index.DeleteAsync("heating-02", CancellationToken.None);
        Assert.Equal(0, index.Terms.DocumentCount);
        Assert.Equal(0, index.Terms.TermCount);
    }

    [Fact]
    public async Task TermStatistics_MatchTheStoredVocabulary_WhenReloadedAfterManyChanges()
    {
        var entries = new[] { Heating("heating-01"), Heating("heating-02"), Residence("residence-permit-01"), Residence("residence-permit-02") };
        var terms = new HashSet<string>(StringComparer.Ordinal);
        TermStatistics live;
        using (var index = await _file.OpenAsync(Analyzer))
        {
            await index.UpsertManyAsync(entries, CancellationToken.None);
            await index.UpsertAsync(Heating("heating-02", answer: "物业费和供暖费一起交吗？"), CancellationToken.None);
            await index.UpsertAsync(Residence("residence-permit-02", status: EntryStatus.Draft), CancellationToken.None);
            await index.DeleteAsync("heating-01", CancellationToken.None);
            live = index.Terms;
            foreach (var entry in entries)
            {
                terms.UnionWith(IndexDocument.From(entry, Analyzer, FaqCategoryCatalog.Empty).DistinctTerms);
            }

            terms.UnionWith(Analyzer.Tokenize("物业费和供暖费一起交吗"));
        }

        SqliteConnection.ClearAllPools();
        using var reopened = await _file.OpenAsync(Analyzer);

        Assert.Equal(2, reopened.Terms.DocumentCount);
        Assert.Equal(live.DocumentCount, reopened.Terms.DocumentCount);
        Assert.Equal(live.TermCount, reopened.Terms.TermCount);
        Assert.All(terms, term => Assert.True(
            live.DocumentFrequency(term) == reopened.Terms.DocumentFrequency(term),
            string.Create(CultureInfo.InvariantCulture, $"{term}: live {live.DocumentFrequency(term)}, stored {reopened.Terms.DocumentFrequency(term)}")));
    }

    [Fact]
    public async Task TermStatistics_MatchTheStoredVocabulary_WhenBulkBatchesSpanChunksRepeatIdsAndSkipUnchangedEntries()
    {
        // 600 entries: several preparation chunks; an id repeated across chunks of the first batch (into an empty
        // index, where ids are not looked up); drafts; then a second batch that leaves most entries unchanged.
        static KnowledgeEntry Numbered(int i, string answer) => i % 7 == 0
            ? Residence(string.Create(CultureInfo.InvariantCulture, $"residence-permit-{i:D3}"), answer + i, i % 5 == 0 ? EntryStatus.Draft : EntryStatus.Published)
            : Heating(string.Create(CultureInfo.InvariantCulture, $"heating-{i:D3}"), answer + i, i % 5 == 0 ? EntryStatus.Draft : EntryStatus.Published);
        var first = Enumerable.Range(0, 600).Select(i => Numbered(i, "联系供热单位报修，物业费另交")).ToList();
        first.Add(Numbered(3, "重复的编号在后面的分块里再出现一次"));
        var second = Enumerable.Range(0, 600).Select(i => Numbered(i, i % 10 == 0 ? "改过的答案，供暖费" : "联系供热单位报修，物业费另交")).ToList();
        TermStatistics live;
        ImportSummary firstSummary, secondSummary;
        string? repeatedAnswer;
        using (var index = await _file.OpenAsync(Analyzer))
        {
            firstSummary = await index.UpsertManyAsync(first, CancellationToken.None);
            repeatedAnswer = (await index.GetAsync("heating-003", CancellationToken.None))?.Answer;
            secondSummary = await index.UpsertManyAsync(second, CancellationToken.None);
            live = index.Terms;
        }

        SqliteConnection.ClearAllPools();
        using var reopened = await _file.OpenAsync(Analyzer);

        Assert.Equal(new ImportSummary(600, 1, 0), firstSummary);
        Assert.Equal(new ImportSummary(0, 61, 539), secondSummary);
        Assert.Equal(600 - 120, reopened.Terms.DocumentCount);
        Assert.Equal(reopened.Terms.DocumentCount, live.DocumentCount);
        Assert.Equal(reopened.Terms.TermCount, live.TermCount);
        var terms = first.Concat(second).SelectMany(e => IndexDocument.From(e, Analyzer, FaqCategoryCatalog.Empty).Terms).ToHashSet(StringComparer.Ordinal);
        Assert.All(terms, term => Assert.True(
            live.DocumentFrequency(term) == reopened.Terms.DocumentFrequency(term),
            string.Create(CultureInfo.InvariantCulture, $"{term}: live {live.DocumentFrequency(term)}, stored {reopened.Terms.DocumentFrequency(term)}")));
        Assert.Equal("重复的编号在后面的分块里再出现一次3", repeatedAnswer);
    }

    /// <summary>Each of these is an FTS5 syntax error or operator when unquoted; quoted, it is a (missing) phrase.</summary>
    [Theory]
    [InlineData("NEAR")]
    [InlineData("AND")]
    [InlineData("(")]
    [InlineData("\"")]
    [InlineData("*")]
    [InlineData("^")]
    [InlineData("{title}:")]
    [InlineData("-")]
    [InlineData("\" OR \"暖气")]
    [InlineData("暖气 NOT 暖气")]
    public async Task FindCandidates_TakesSyntaxLiterally_WhenTermIsQuoted(string term)
    {
        using var index = await _file.OpenAsync(Analyzer);
        await index.UpsertAsync(Heating("heating-01"), CancellationToken.None);

        Assert.Empty(Find(index, term));
        Assert.Equal(["heating-01"], Find(index, "暖气"));
    }

    [Fact]
    public async Task OpenAsync_UpgradesAndReindexes_WhenFileHasTheEarlierLayout()
    {
        // The first layout: no phrasing-term columns, and an FTS5 table that kept its own copy of the text.
        Directory.CreateDirectory(Path.GetDirectoryName(_file.DatabasePath)!);
        await using (var connection = new SqliteConnection($"Data Source={_file.DatabasePath};Pooling=False"))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = """
                CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL) STRICT;
                CREATE TABLE entries(seq INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, status TEXT NOT NULL,
                    category TEXT NOT NULL, title TEXT NOT NULL, data TEXT NOT NULL, content_hash TEXT NOT NULL) STRICT;
                CREATE VIRTUAL TABLE entry_terms USING fts5(title, questions, answer, tags, category, tokenize = 'ascii');
                CREATE VIRTUAL TABLE entry_terms_vocab USING fts5vocab(entry_terms, 'row');
                INSERT INTO entries(id, status, category, title, data, content_hash) VALUES ('heating-01', 'Published', 'heating', $title, $data, 'old');
                INSERT INTO meta(key, value) VALUES ('analyzer_fingerprint', 'old');
                """;
            var entry = Heating("heating-01");
            command.Parameters.AddWithValue("$title", entry.Title);
            command.Parameters.AddWithValue("$data", JsonlEntryFormat.Write(entry));
            await command.ExecuteNonQueryAsync();
        }

        using var index = await _file.OpenAsync(Analyzer);

        Assert.Equal(1, index.Count);
        var result = new Retriever(index, new RetrievalOptions()).Search("暖气不热怎么办");
        Assert.Equal("heating-01", result.Hits[0].EntryId);
        Assert.Equal("暖气不热怎么办？", (await index.GetAsync("heating-01", CancellationToken.None))?.Title);
    }

    private static KnowledgeEntry Heating(string id, string? answer = null, EntryStatus status = EntryStatus.Published) =>
        EntryBuilder.Entry(id)
            .WithTitle("暖气不热怎么办？")
            .WithQuestions("屋里太冷找谁")
            .WithAnswer(answer ?? "联系供热单位报修。")
            .WithTags("暖气", "报修")
            .WithStatus(status)
            .Build();

    private static KnowledgeEntry Residence(string id, string? answer = null, EntryStatus status = EntryStatus.Published) =>
        EntryBuilder.Entry(id)
            .WithTitle("居住证要带哪些材料？")
            .WithAnswer(answer ?? "身份证、照片和住所证明。")
            .InCategory("residence-permit")
            .WithTags("居住证")
            .WithStatus(status)
            .Build();

    /// <summary>Ids of the entries whose terms include <paramref name="term"/>, quoted as the retriever quotes it.</summary>
    private static List<string> Find(KnowledgeIndex index, string term)
    {
        var sb = new StringBuilder();
        QueryTerms.AppendQuoted(sb, term);
        return [.. index.FindCandidates(sb.ToString(), 10).Select(c => c.Id).Order(StringComparer.Ordinal)];
    }
}
