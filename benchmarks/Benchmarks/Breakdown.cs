using System.Diagnostics;
using System.Globalization;
using System.Text;
using CitizenBot.Knowledge.Content;
using CitizenBot.Knowledge.Index;
using CitizenBot.Knowledge.Retrieval;
using Microsoft.Data.Sqlite;

namespace CitizenBot.Benchmarks;

/// <summary>
/// Where the time of a search and of an import goes, measured in the thread's CPU time (see
/// <see cref="ThreadCpuClock"/>) so that other processes on a shared machine do not inflate it. Replays the
/// stages the library runs, through its internal pieces, and tries the FTS5 query in simpler forms and on an
/// <c>optimize</c>d copy of the index. Diagnostic only: the headline figures come from <see cref="LatencyBench"/>.
/// </summary>
internal static class Breakdown
{
    /// <summary>SQL variants and row counts are run for at most this many queries.</summary>
    private const int MaxSqlQueries = 1_000;

    /// <summary>The import breakdown indexes at most this many entries.</summary>
    private const int MaxImportEntries = 10_000;

    /// <summary>Prints the search breakdown and returns the FTS5 expressions of the first queries.</summary>
    public static async Task<IReadOnlyList<string>> SearchAsync(BenchmarkData data, KnowledgeIndex index, Retriever retriever, List<string> queries, TextWriter log, CancellationToken cancellationToken)
    {
        var (report, expressions) = SearchStages(data, index, retriever, queries);
        await log.WriteLineAsync(report);
        await OptimizedCopyAsync(data, index, queries, log, cancellationToken);
        return expressions;
    }

    /// <summary>Synchronous on purpose, like <see cref="Retriever.Search"/>: SQLite calls complete synchronously anyway.</summary>
    private static (string Report, string[] Expressions) SearchStages(BenchmarkData data, KnowledgeIndex index, Retriever retriever, List<string> queries)
    {
        var options = data.Options.Retrieval;
        var analyzer = index.Analyzer;
        var corrector = new HomophoneCorrector(analyzer.Lexicon);
        var scorer = new CandidateScorer(index.Terms, options);
        var limit = Math.Max(options.CandidateCount, 5);
        var n = queries.Count;
        var normalize = new double[n];
        var tokenize = new double[n];
        var correct = new double[n];
        var build = new double[n];
        var fts = new double[n];
        var rerank = new double[n];
        var search = new double[n];
        var orTerms = new double[n];
        var expressions = new string[n];

        for (var i = 0; i < n; i++)
        {
            var text = queries[i];
            var start = ThreadCpuClock.NowMilliseconds();
            retriever.Search(text);
            search[i] = ThreadCpuClock.NowMilliseconds() - start;

            start = ThreadCpuClock.NowMilliseconds();
            var normalized = analyzer.Normalize(text);
            normalize[i] = Lap(ref start);

            var tokens = new List<string>();
            analyzer.TokenizeNormalized(normalized, tokens);
            tokenize[i] = Lap(ref start);

            var corrections = new HashSet<string>(StringComparer.Ordinal);
            if (options.CorrectionWeight > 0)
            {
                corrector.FindCorrections(normalized, index.Terms, analyzer.Lexicon, corrections);
            }

            correct[i] = Lap(ref start);

            var query = retriever.BuildQuery(text);
            build[i] = Lap(ref start);
            expressions[i] = query.MatchExpression;
            if (query.MatchExpression.Length == 0)
            {
                continue;
            }

            orTerms[i] = CountOccurrences(query.MatchExpression, " OR ") + 1;
            start = ThreadCpuClock.NowMilliseconds();
            var found = index.FindCandidates(query.MatchExpression, limit);
            fts[i] = Lap(ref start);
            if (found.Count == 0)
            {
                continue;
            }

            var topBm25 = found.Max(c => c.Bm25);
            _ = found
                .Select(c => (Candidate: c, Score: scorer.Score(c, query, topBm25)))
                .OrderByDescending(s => s.Score)
                .ThenBy(s => s.Candidate.Id, StringComparer.Ordinal)
                .Take(5)
                .ToArray();
            rerank[i] = Lap(ref start);
        }

        var sb = new StringBuilder();
        sb.AppendLine(CultureInfo.InvariantCulture, $"#### Search stage breakdown, {index.Count:N0} entries, {n:N0} queries ({ClockName}, ms per query)");
        sb.AppendLine();
        var table = new StageTable(sb, build.Zip(fts, (a, b) => a + b).Zip(rerank, (a, b) => a + b).Average());
        table.Row("  normalize (NFKC, T→S, cleanup)", normalize);
        table.Row("  tokenize (words, bigrams, chars)", tokenize);
        table.Row("  homophone correction", correct);
        table.Row("query build (the three above + IDF weights + FTS5 expression)", build);
        table.Row("FTS5 candidates (`KnowledgeIndex.FindCandidates`)", fts);
        table.Row("re-ranking (`CandidateScorer` + sort)", rerank);
        table.Row("`Retriever.Search` end to end", search);

        // The same FTS5 expressions in simpler SQL, on a connection of our own.
        var counted = Math.Min(n, MaxSqlQueries);
        var weights = data.Options.Weights;
        var rank = string.Create(CultureInfo.InvariantCulture, $"bm25(entry_terms, {weights.Title}, {weights.Questions}, {weights.Answer}, {weights.Tags}, {weights.Category})");
        using var connection = OpenReadOnly(index.DatabasePath);
        var matches = new double[counted];
        var countMs = new double[counted];
        var rankMs = new double[counted];
        var plainMs = new double[counted];
        using (var count = Command(connection, "SELECT count(*) FROM entry_terms WHERE entry_terms MATCH $match"))
        using (var ranked = Command(connection, $"SELECT rowid, {rank} AS score FROM entry_terms WHERE entry_terms MATCH $match ORDER BY score LIMIT {limit}"))
        using (var plain = Command(connection, $"SELECT rowid FROM entry_terms WHERE entry_terms MATCH $match LIMIT {limit}"))
        {
            for (var i = 0; i < counted; i++)
            {
                if (expressions[i].Length == 0)
                {
                    continue;
                }

                count.Parameters["$match"].Value = expressions[i];
                ranked.Parameters["$match"].Value = expressions[i];
                plain.Parameters["$match"].Value = expressions[i];
                var start = ThreadCpuClock.NowMilliseconds();
                matches[i] = Convert.ToDouble(count.ExecuteScalar(), CultureInfo.InvariantCulture);
                countMs[i] = Lap(ref start);
                Drain(ranked);
                rankMs[i] = Lap(ref start);
                Drain(plain);
                plainMs[i] = Lap(ref start);
            }
        }

        table.Row(string.Create(CultureInfo.InvariantCulture, $"SQL: MATCH, first {limit} rows unranked (first {counted:N0} queries)"), plainMs, share: false);
        table.Row("SQL: `count(*)` of the MATCH (every matching row, no ranking)", countMs, share: false);
        table.Row(string.Create(CultureInfo.InvariantCulture, $"SQL: rowid + bm25 ORDER BY LIMIT {limit} (no columns, no join)"), rankMs, share: false);
        var ftsCounted = fts.Take(counted).ToArray();
        table.Row("FTS5 candidates again, same queries (for comparison)", ftsCounted, share: false);
        sb.AppendLine();

        var sortedTerms = orTerms.Order().ToArray();
        var sortedMatches = matches.Order().ToArray();
        sb.AppendLine(CultureInfo.InvariantCulture, $"- FTS5 expression: OR of p50 {Percentile(sortedTerms, 0.5):F0}, p90 {Percentile(sortedTerms, 0.9):F0}, max {sortedTerms[^1]:F0} terms.");
        sb.AppendLine(CultureInfo.InvariantCulture, $"- Rows the expression matches (all are bm25-scored before LIMIT): p50 {Percentile(sortedMatches, 0.5):N0}, p90 {Percentile(sortedMatches, 0.9):N0}, p99 {Percentile(sortedMatches, 0.99):N0}, max {sortedMatches[^1]:N0} of {index.Count:N0}.");
        sb.AppendLine(CultureInfo.InvariantCulture, $"- FTS5 segments: {Scalar(connection, "SELECT count(DISTINCT segid) FROM entry_terms_idx")}; pages of the index b-tree: {Scalar(connection, "SELECT count(*) FROM entry_terms_data")}.");
        sb.AppendLine("- Slowest FTS5 candidate queries:");
        foreach (var i in Enumerable.Range(0, counted).OrderByDescending(i => fts[i]).Take(5))
        {
            sb.AppendLine(CultureInfo.InvariantCulture, $"  - {fts[i]:F2} ms, {orTerms[i]:F0} OR terms, {matches[i]:N0} rows: `{queries[i].ReplaceLineEndings(" ")}`");
        }

        return (sb.ToString(), [.. expressions.Take(counted).Where(e => e.Length > 0)]);
    }

    /// <summary>
    /// Copies the index, runs FTS5 <c>optimize</c> (merging every segment into one) on the copy and searches it again.
    /// </summary>
    private static async Task OptimizedCopyAsync(BenchmarkData data, KnowledgeIndex index, List<string> queries, TextWriter log, CancellationToken cancellationToken)
    {
        var copy = Path.Combine(IndexCache.Folder, string.Create(CultureInfo.InvariantCulture, $"optimized-{Environment.ProcessId}.db"));
        IndexCache.DeleteDatabase(copy);
        try
        {
            var (before, after, seconds) = CopyAndOptimize(index.DatabasePath, copy);
            await log.WriteLineAsync(string.Create(
                CultureInfo.InvariantCulture,
                $"#### Same queries on an FTS5-optimized copy ({before} → {after} segments; 'optimize' took {seconds:F1} s wall, file {IndexCache.FileBytes(copy) / 1048576.0:F1} MiB)"));

            using var optimized = await KnowledgeIndex.OpenAsync(copy, data.Analyzer, data.Categories, data.Options.Weights, cancellationToken);
            var retriever = new Retriever(optimized, data.Options.Retrieval);
            var limit = Math.Max(data.Options.Retrieval.CandidateCount, 5);
            foreach (var query in queries.Take(200))
            {
                retriever.Search(query);
            }

            var search = new double[queries.Count];
            var fts = new double[queries.Count];
            for (var i = 0; i < queries.Count; i++)
            {
                var start = ThreadCpuClock.NowMilliseconds();
                retriever.Search(queries[i]);
                search[i] = Lap(ref start);
                var expression = retriever.BuildQuery(queries[i]).MatchExpression;
                start = ThreadCpuClock.NowMilliseconds();
                if (expression.Length > 0)
                {
                    optimized.FindCandidates(expression, limit);
                }

                fts[i] = Lap(ref start);
            }

            var sb = new StringBuilder();
            sb.AppendLine();
            var table = new StageTable(sb, search.Average());
            table.Row("FTS5 candidates, optimized", fts);
            table.Row("`Retriever.Search`, optimized", search);
            await log.WriteLineAsync(sb.ToString());
        }
        finally
        {
            IndexCache.DeleteDatabase(copy);
        }
    }

    private static (string Before, string After, double Seconds) CopyAndOptimize(string sourcePath, string copy)
    {
        using var source = OpenReadOnly(sourcePath);
        using var target = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = copy, Pooling = false }.ToString());
        target.Open();
        source.BackupDatabase(target);
        var before = Scalar(target, "SELECT count(DISTINCT segid) FROM entry_terms_idx");
        var wall = Stopwatch.StartNew();
        using (var optimize = Command(target, "INSERT INTO entry_terms(entry_terms) VALUES('optimize')"))
        {
            optimize.ExecuteNonQuery();
        }

        var seconds = wall.Elapsed.TotalSeconds;
        return (before, Scalar(target, "SELECT count(DISTINCT segid) FROM entry_terms_idx"), seconds);
    }

    /// <summary>
    /// Times the steps of an import on up to 10,000 entries: the library's own pieces one by one, the bare SQLite
    /// inserts of the same rows through prepared statements (as built and in variants of the FTS5 table), and
    /// <c>UpsertManyAsync</c> itself. When the entries are those of the measured index, the ranked FTS5 query of
    /// <paramref name="expressions"/> is also timed on each variant.
    /// </summary>
    public static async Task ImportAsync(
        BenchmarkData data, string schemaSource, int count, IReadOnlyList<string> expressions, TextWriter log, CancellationToken cancellationToken)
    {
        var entries = data.Synthetic.GenerateEntries(Math.Min(count, MaxImportEntries));
        var m = entries.Count;
        var folder = Path.Combine(IndexCache.Folder, string.Create(CultureInfo.InvariantCulture, $"import-{Environment.ProcessId}"));
        Directory.CreateDirectory(folder);
        try
        {
            // First, while the process holds little else: the breakdown's own arrays would make its GCs dearer.
            // Twice, into two fresh indexes, to see how much of the first is warm-up; the second is reported.
            var first = await TimeUpsertManyAsync(data, Path.Combine(folder, "knowledge-1.db"), entries, cancellationToken);
            var (upsert, upsertWall, sameThread, pause, allocated, gen0, gen1, gen2) =
                await TimeUpsertManyAsync(data, Path.Combine(folder, "knowledge-2.db"), entries, cancellationToken);

            var hashes = new string[m];
            var json = new string[m];
            var documents = new IndexDocument[m];
            var distinct = new HashSet<string>[m];

            var start = ThreadCpuClock.NowMilliseconds();
            for (var i = 0; i < m; i++)
            {
                hashes[i] = entries[i].ContentHash();
            }

            var hash = Lap(ref start);
            for (var i = 0; i < m; i++)
            {
                json[i] = EntryJson.Serialize(entries[i]);
            }

            var serialize = Lap(ref start);
            for (var i = 0; i < m; i++)
            {
                documents[i] = IndexDocument.From(entries[i], data.Analyzer, data.Categories);
            }

            var analyze = Lap(ref start);
            for (var i = 0; i < m; i++)
            {
                distinct[i] = documents[i].DistinctTerms();
            }

            var distinctMs = Lap(ref start);
            var statistics = new TermStatistics();
            foreach (var terms in distinct)
            {
                statistics.AddDocument(terms);
            }

            var stats = Lap(ref start);
            Array.Clear(distinct);
            var answerTerms = documents.Average(d => CountOccurrences(d.Answer, " ") + 1.0);
            var otherTerms = documents.Average(d => CountOccurrences(d.Questions, " ") + CountOccurrences(d.Title, " ") + CountOccurrences(d.Tags, " ") + 3.0);

            ImportVariant[] variants =
            [
                new("as built"),
                new("as built, but a new command per statement + an id lookup per entry (as `UpsertManyAsync` does)") { PerRowCommands = true },
                new("every step interleaved per entry as `UpsertManyAsync` does (hash, JSON, analysis, distinct terms, inserts; statistics after commit), prepared statements") { Interleaved = true },
                new("the same, with a new command per statement + an id lookup per entry") { Interleaved = true, PerRowCommands = true },
                new("FTS5 `automerge=0` during the import, then `optimize`") { Setup = ["INSERT INTO entry_terms(entry_terms, rank) VALUES('automerge', 0)"], OptimizeAfter = true },
                new("FTS5 `detail=column` (no positions)") { Schema = WithDetailColumn },
                new("answer column without single-character terms") { Answer = d => WithoutSingleCharacters(d.Answer) },
                new("answer column not indexed") { Answer = _ => string.Empty },
            ];
            var bare = new List<(string Name, double Cpu, double Wall, long Bytes, string? Error, double[] Query)>();
            for (var v = 0; v < variants.Length; v++)
            {
                var path = Path.Combine(folder, string.Create(CultureInfo.InvariantCulture, $"bare-{v}.db"));
                var (cpu, wall, error) = BareInserts(path, schemaSource, variants[v], data, entries, hashes, json, documents);
                var query = error is null && m == count && !variants[v].PerRowCommands && !variants[v].Interleaved ? RankedQueries(path, data, expressions) : [];
                bare.Add((variants[v].Name, cpu, wall, IndexCache.FileBytes(path), error, query));
            }

            var sb = new StringBuilder();
            sb.AppendLine(CultureInfo.InvariantCulture, $"#### Import breakdown, {m:N0} entries in one transaction ({ClockName}; per entry {answerTerms:F0} answer terms + {otherTerms:F0} other terms)");
            sb.AppendLine();
            sb.AppendLine("| Step | total (ms) | µs per entry | share of UpsertManyAsync | entries/s if it were the only cost |");
            sb.AppendLine("| --- | ---: | ---: | ---: | ---: |");
            void Row(string name, double ms) => sb.AppendLine(CultureInfo.InvariantCulture, $"| {name} | {ms:F0} | {ms * 1000 / m:F0} | {ms / upsert:P0} | {m / (ms / 1000):N0} |");
            Row("content hash (SHA-256)", hash);
            Row("JSON serialization", serialize);
            Row("analysis (`IndexDocument.From`: tokenize 5 fields)", analyze);
            Row("distinct terms (`IndexDocument.DistinctTerms`)", distinctMs);
            Row("term statistics update", stats);
            var floor = bare[0];
            if (floor.Error is null)
            {
                Row(string.Create(CultureInfo.InvariantCulture, $"bare SQLite: 2 prepared INSERTs per entry, entries + FTS5 (wall {floor.Wall:F0} ms)"), floor.Cpu);
            }
            else
            {
                sb.AppendLine(CultureInfo.InvariantCulture, $"| bare SQLite inserts | n/a: {floor.Error} | | | |");
            }

            Row(string.Create(CultureInfo.InvariantCulture, $"**`UpsertManyAsync`** (wall {upsertWall:F0} ms{(sameThread ? string.Empty : "; continued on another thread, CPU time partial")})"), upsert);
            var explained = hash + serialize + analyze + distinctMs + stats + (floor.Error is null ? floor.Cpu : 0);
            Row("remainder (per-entry commands and lookups, GC, async plumbing)", Math.Max(0, upsert - explained));
            sb.AppendLine();
            sb.AppendLine(CultureInfo.InvariantCulture, $"The first of two `UpsertManyAsync` runs (cold JIT) took {first.CpuMs:F0} ms CPU, {first.WallMs:F0} ms wall; the table shows the second.");
            sb.AppendLine();
            sb.AppendLine(CultureInfo.InvariantCulture, $"During `UpsertManyAsync`: {allocated / (double)m / 1024:F0} KiB allocated per entry ({allocated / 1048576.0:F0} MiB in all){(sameThread ? string.Empty : " (thread changed: partial)")}; GC pauses {pause.TotalMilliseconds:F0} ms ({pause.TotalMilliseconds / upsertWall:P0} of wall time); collections gen0/1/2: {gen0}/{gen1}/{gen2}.");
            sb.AppendLine();

            sb.AppendLine(CultureInfo.InvariantCulture, $"Bare SQLite inserts into variants of the FTS5 table ({ClockName}){(m == count ? string.Empty : "; ranked queries only when the import has as many entries as the index")}:");
            sb.AppendLine();
            sb.AppendLine("| Variant | insert (ms) | µs per entry | entries/s | file (MiB) | ranked FTS5 query p50 (ms) | p99 (ms) |");
            sb.AppendLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: |");
            foreach (var (name, cpu, _, bytes, error, query) in bare)
            {
                if (error is not null)
                {
                    sb.AppendLine(CultureInfo.InvariantCulture, $"| {name} | n/a: {error} | | | | | |");
                    continue;
                }

                var sorted = query.Order().ToArray();
                sb.AppendLine(CultureInfo.InvariantCulture, $"| {name} | {cpu:F0} | {cpu * 1000 / m:F0} | {m / (cpu / 1000):N0} | {bytes / 1048576.0:F1} | {(sorted.Length > 0 ? Percentile(sorted, 0.5).ToString("F3", CultureInfo.InvariantCulture) : "-")} | {(sorted.Length > 0 ? Percentile(sorted, 0.99).ToString("F3", CultureInfo.InvariantCulture) : "-")} |");
            }

            await log.WriteLineAsync(sb.ToString());
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task<(double CpuMs, double WallMs, bool SameThread, TimeSpan Pause, long Allocated, int Gen0, int Gen1, int Gen2)> TimeUpsertManyAsync(
        BenchmarkData data, string path, List<KnowledgeEntry> entries, CancellationToken cancellationToken)
    {
        using var index = await KnowledgeIndex.OpenAsync(path, data.Analyzer, data.Categories, data.Options.Weights, cancellationToken);
        GC.Collect();
        var thread = Environment.CurrentManagedThreadId;
        var pause = GC.GetTotalPauseDuration();
        var allocated = GC.GetAllocatedBytesForCurrentThread();
        var (gen0, gen1, gen2) = (GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2));
        var clock = Stopwatch.StartNew();
        var start = ThreadCpuClock.NowMilliseconds();
        await index.UpsertManyAsync(entries, cancellationToken);
        var cpu = ThreadCpuClock.NowMilliseconds() - start;
        return (
            cpu,
            clock.Elapsed.TotalMilliseconds,
            thread == Environment.CurrentManagedThreadId,
            GC.GetTotalPauseDuration() - pause,
            GC.GetAllocatedBytesForCurrentThread() - allocated,
            GC.CollectionCount(0) - gen0,
            GC.CollectionCount(1) - gen1,
            GC.CollectionCount(2) - gen2);
    }

    /// <summary>The ranked candidate query alone (rowid + weighted bm25, ORDER BY, LIMIT) on a database.</summary>
    private static double[] RankedQueries(string path, BenchmarkData data, IReadOnlyList<string> expressions)
    {
        var weights = data.Options.Weights;
        var limit = Math.Max(data.Options.Retrieval.CandidateCount, 5);
        var rank = string.Create(CultureInfo.InvariantCulture, $"bm25(entry_terms, {weights.Title}, {weights.Questions}, {weights.Answer}, {weights.Tags}, {weights.Category})");
        using var connection = OpenReadOnly(path);
        using var ranked = Command(connection, $"SELECT rowid, {rank} AS score FROM entry_terms WHERE entry_terms MATCH $match ORDER BY score LIMIT {limit}");
        foreach (var expression in expressions.Take(100))
        {
            ranked.Parameters["$match"].Value = expression;
            Drain(ranked);
        }

        var times = new double[expressions.Count];
        for (var i = 0; i < expressions.Count; i++)
        {
            ranked.Parameters["$match"].Value = expressions[i];
            var start = ThreadCpuClock.NowMilliseconds();
            Drain(ranked);
            times[i] = Lap(ref start);
        }

        return times;
    }

    /// <summary>Adds <c>detail = 'column'</c> to the FTS5 table's definition.</summary>
    private static string WithDetailColumn(string sql)
    {
        var last = sql.LastIndexOf(')');
        return sql.Contains("fts5", StringComparison.OrdinalIgnoreCase) && last > 0
            ? string.Concat(sql.AsSpan(0, last), ", detail = 'column')")
            : sql;
    }

    private static string WithoutSingleCharacters(string terms) =>
        string.Join(' ', terms.Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(t => t.Length > 1 || t[0] < 0x2E80));

    /// <summary>
    /// The floor: the same rows through two prepared statements (or, for comparison, a new command per statement),
    /// schema copied from a real index and changed as the variant says.
    /// </summary>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Security", "CA2100", Justification = "Statements of our own and the schema of our own index.")]
    private static (double CpuMs, double WallMs, string? Error) BareInserts(
        string path,
        string schemaSource,
        ImportVariant variant,
        BenchmarkData data,
        List<KnowledgeEntry> entries,
        string[] hashes,
        string[] json,
        IndexDocument[] documents)
    {
        const string InsertEntry = "INSERT INTO entries(seq, id, status, category, title, data, content_hash) VALUES ($seq, $id, $status, $category, $title, $data, $hash)";
        const string InsertTerms = "INSERT INTO entry_terms(rowid, title, questions, answer, tags, category) VALUES ($seq, $title, $questions, $answer, $tags, $category)";
        try
        {
            using var source = OpenReadOnly(schemaSource);
            var schema = new List<string>();
            using (var read = Command(source, "SELECT sql FROM sqlite_master WHERE name IN ('entries', 'entry_terms') ORDER BY name"))
            using (var reader = read.ExecuteReader())
            {
                while (reader.Read())
                {
                    schema.Add(variant.Schema(reader.GetString(0)));
                }
            }

            using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
            connection.Open();
            foreach (var statement in schema.Prepend("PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL;").Concat(variant.Setup))
            {
                using var command = Command(connection, statement);
                command.ExecuteNonQuery();
            }

            var answers = documents.Select(variant.Answer).ToArray();
            var wall = Stopwatch.StartNew();
            var start = ThreadCpuClock.NowMilliseconds();
            using (var transaction = connection.BeginTransaction())
            using (var entry = Command(connection, InsertEntry))
            using (var terms = Command(connection, InsertTerms))
            {
                entry.Transaction = transaction;
                terms.Transaction = transaction;
                var entryValues = AddParameters(entry, "$seq", "$id", "$status", "$category", "$title", "$data", "$hash");
                var termValues = AddParameters(terms, "$seq", "$title", "$questions", "$answer", "$tags", "$category");
                var pending = new List<HashSet<string>>(variant.Interleaved ? entries.Count : 0);
                for (var i = 0; i < entries.Count; i++)
                {
                    var e = entries[i];
                    var d = documents[i];
                    object[] entryRow = [i + 1L, e.Id, e.Status.ToString(), e.Category, e.Title, json[i], hashes[i]];
                    if (variant.Interleaved)
                    {
                        d = IndexDocument.From(e, data.Analyzer, data.Categories);
                        entryRow[5] = EntryJson.Serialize(e);
                        entryRow[6] = e.ContentHash();
                        pending.Add(d.DistinctTerms());
                    }

                    object[] termRow = [i + 1L, d.Title, d.Questions, variant.Interleaved ? d.Answer : answers[i], d.Tags, d.Category];
                    if (variant.PerRowCommands)
                    {
                        using (var lookup = Command(connection, "SELECT seq, content_hash FROM entries WHERE id = $id"))
                        {
                            lookup.Transaction = transaction;
                            lookup.Parameters.AddWithValue("$id", e.Id);
                            Drain(lookup);
                        }

                        ExecuteOnce(connection, transaction, InsertEntry, entryValues, entryRow);
                        ExecuteOnce(connection, transaction, InsertTerms, termValues, termRow);
                        continue;
                    }

                    Set(entryValues, entryRow);
                    entry.ExecuteNonQuery();
                    Set(termValues, termRow);
                    terms.ExecuteNonQuery();
                }

                transaction.Commit();
                var replicaStatistics = new TermStatistics();
                foreach (var distinctTerms in pending)
                {
                    replicaStatistics.AddDocument(distinctTerms);
                }
            }

            if (variant.OptimizeAfter)
            {
                using var optimize = Command(connection, "INSERT INTO entry_terms(entry_terms) VALUES('optimize')");
                optimize.ExecuteNonQuery();
            }

            return (ThreadCpuClock.NowMilliseconds() - start, wall.Elapsed.TotalMilliseconds, null);
        }
        catch (SqliteException ex)
        {
            return (0, 0, ex.Message);
        }
    }

    /// <summary>A new command for one statement, as the library's <c>ExecuteAsync</c> helper does.</summary>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Security", "CA2100", Justification = "Constant statements; values travel as parameters.")]
    private static void ExecuteOnce(SqliteConnection connection, SqliteTransaction transaction, string sql, SqliteParameter[] names, object[] values)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        for (var i = 0; i < names.Length; i++)
        {
            command.Parameters.AddWithValue(names[i].ParameterName, values[i]);
        }

        command.ExecuteNonQuery();
    }

    private static SqliteParameter[] AddParameters(SqliteCommand command, params string[] names) =>
        [.. names.Select(name => command.Parameters.Add(new SqliteParameter { ParameterName = name }))];

    private static void Set(SqliteParameter[] parameters, object[] values)
    {
        for (var i = 0; i < parameters.Length; i++)
        {
            parameters[i].Value = values[i];
        }
    }

    private static string ClockName => ThreadCpuClock.IsThreadTime ? "thread CPU time" : "wall time";

    private static double Lap(ref double start)
    {
        var now = ThreadCpuClock.NowMilliseconds();
        var elapsed = now - start;
        start = now;
        return elapsed;
    }

    private static SqliteConnection OpenReadOnly(string path)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        connection.Open();
        return connection;
    }

    [System.Diagnostics.CodeAnalysis.SuppressMessage("Security", "CA2100", Justification = "Constant statements and numbers of our own; values travel as parameters.")]
    private static SqliteCommand Command(SqliteConnection connection, string sql)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        if (sql.Contains("$match", StringComparison.Ordinal))
        {
            command.Parameters.Add("$match", SqliteType.Text);
        }

        return command;
    }

    private static string Scalar(SqliteConnection connection, string sql)
    {
        using var command = Command(connection, sql);
        return Convert.ToString(command.ExecuteScalar(), CultureInfo.InvariantCulture) ?? "null";
    }

    private static void Drain(SqliteCommand command)
    {
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
        }
    }

    internal static double Percentile(double[] sorted, double p) =>
        sorted.Length == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];

    private static int CountOccurrences(string text, string value)
    {
        var count = 0;
        for (var i = text.IndexOf(value, StringComparison.Ordinal); i >= 0; i = text.IndexOf(value, i + value.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }

    /// <summary>One way of writing the same rows: the FTS5 table's definition and settings, what the answer column holds.</summary>
    private sealed record ImportVariant(string Name)
    {
        public Func<string, string> Schema { get; init; } = sql => sql;

        public Func<IndexDocument, string> Answer { get; init; } = d => d.Answer;

        public string[] Setup { get; init; } = [];

        public bool OptimizeAfter { get; init; }

        public bool PerRowCommands { get; init; }

        public bool Interleaved { get; init; }
    }

    /// <summary>A Markdown table of per-query timings: mean, percentiles and share of a reference mean.</summary>
    private sealed class StageTable
    {
        private readonly StringBuilder _sb;
        private readonly double _referenceMean;

        public StageTable(StringBuilder sb, double referenceMean)
        {
            _sb = sb;
            _referenceMean = referenceMean;
            sb.AppendLine("| Stage | mean | p50 | p90 | p99 | max | share of mean |");
            sb.AppendLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: |");
        }

        public void Row(string name, double[] values, bool share = true)
        {
            var sorted = values.Order().ToArray();
            var mean = values.Average();
            var shareText = share && _referenceMean > 0 ? (mean / _referenceMean).ToString("P0", CultureInfo.InvariantCulture) : string.Empty;
            _sb.AppendLine(CultureInfo.InvariantCulture, $"| {name} | {mean:F3} | {Percentile(sorted, 0.5):F3} | {Percentile(sorted, 0.9):F3} | {Percentile(sorted, 0.99):F3} | {sorted[^1]:F3} | {shareText} |");
        }
    }
}
