using System.Globalization;
using System.Text;
using CitizenBot.Knowledge.Content;
using CitizenBot.Knowledge.Index;
using Microsoft.Extensions.Logging;

namespace CitizenBot.Knowledge.Curation;

/// <summary>
/// The admins' FAQ entry lifecycle over the live knowledge base: list, create, edit, draft → publish → retire,
/// history with diffs, export to and import from the knowledge-base format.
/// </summary>
/// <remarks>
/// Every write commits the entry, its search terms and its revision in one SQLite transaction before the call
/// returns, so a published entry is answerable at once and a retired one never again. Content checks are the
/// import's (<see cref="EntryValidator"/>), plus a known category. Thread-safe; the knowledge base must be
/// initialized.
/// </remarks>
public sealed class EntryCurator(KnowledgeBase knowledge, TimeProvider clock, ILogger<EntryCurator> logger)
{
    /// <summary>Read-modify-write operations retry this often when another write slips in between.</summary>
    private const int ConflictRetries = 3;

    private static readonly TimeSpan ChinaOffset = TimeSpan.FromHours(8);
    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);

    private KnowledgeIndex Index => knowledge.Index;

    /// <summary>Entries matching <paramref name="query"/>, newest change first (ties by id).</summary>
    public async Task<EntryPage> ListAsync(EntryQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var rows = await Index.ListCurrentAsync(query.Status, string.IsNullOrWhiteSpace(query.Category) ? null : query.Category.Trim(), cancellationToken);
        var q = query.Q?.Trim();
        var matching = rows
            .Where(r => string.IsNullOrEmpty(q) || Matches(r.Entry, q))
            .OrderByDescending(r => r.At)
            .ThenBy(r => r.Entry.Id, StringComparer.Ordinal)
            .ToList();
        var size = Math.Clamp(query.PageSize, 1, EntryQuery.MaxPageSize);
        var skip = (long)(Math.Max(query.Page, 1) - 1) * size;
        var items = matching.Skip((int)Math.Min(skip, int.MaxValue)).Take(size).Select(ToCurated).ToArray();
        return new EntryPage(matching.Count, items);
    }

    /// <summary>The entry with its latest revision, or null for an unknown id.</summary>
    public async Task<CuratedEntry?> GetAsync(string id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(id);
        return await Index.GetCurrentAsync(id, cancellationToken) is { } current ? ToCurated(current) : null;
    }

    /// <summary>Creates an entry (revision 1, action <c>created</c>); see the overload.</summary>
    public Task<CurationOutcome> CreateAsync(EntryInput input, string author, CancellationToken cancellationToken) =>
        CreateAsync(input, author, RevisionAction.Created, cancellationToken);

    /// <summary>
    /// Creates an entry, a draft unless <see cref="EntryInput.Status"/> says otherwise, dated today (China time).
    /// A null id gets <c>&lt;category&gt;-&lt;n&gt;</c>, one past the highest such number in use (two digits at
    /// least, like the seed base's <c>heating-01</c>).
    /// </summary>
    /// <returns>Saved; Invalid with errors per field; Conflict when the given id is taken.</returns>
    public async Task<CurationOutcome> CreateAsync(EntryInput input, string author, RevisionAction action, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(author);
        var generate = string.IsNullOrWhiteSpace(input.Id);
        var today = Today();
        var (entry, errors) = Validate(generate ? input with { Id = "generated" } : input, input.Status ?? EntryStatusText.Draft, today);
        if (entry is null)
        {
            return CurationOutcome.Invalid(errors);
        }

        for (var attempt = 0; attempt < ConflictRetries; attempt++)
        {
            if (generate)
            {
                var id = await NextIdAsync(entry.Category, cancellationToken);
                (entry, errors) = Validate(input with { Id = id }, input.Status ?? EntryStatusText.Draft, today);
                if (entry is null)
                {
                    return CurationOutcome.Invalid(errors);
                }
            }

            var outcome = await WriteAsync(entry, author, action, RevisionPrecondition.New, cancellationToken);
            if (outcome.Status != CurationStatus.Conflict || !generate)
            {
                return outcome;
            }
        }

        return CurationOutcome.Conflict(null);
    }

    /// <summary>
    /// Replaces the entry's fields with <paramref name="input"/> (a null status keeps the current one). A content
    /// change dates the entry today and is an <c>edited</c> revision; a status change alone is a
    /// <c>published</c>/<c>retired</c>/<c>edited</c> (back to draft) one; no change saves nothing.
    /// </summary>
    /// <remarks>
    /// With <c>expectedRevision</c> given and the entry at another revision, the outcome is Conflict and nothing is
    /// written; without it, the revision read at the start of the call is expected.
    /// </remarks>
    public async Task<CurationOutcome> UpdateAsync(string id, EntryInput input, int? expectedRevision, string author, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(id);
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(author);
        if (await Index.GetCurrentAsync(id, cancellationToken) is not { } current)
        {
            return CurationOutcome.NotFound;
        }

        if (!string.IsNullOrWhiteSpace(input.Id) && !string.Equals(EntryValidator.Trim(input.Id), id, StringComparison.Ordinal))
        {
            return CurationOutcome.Invalid(new Dictionary<string, string[]> { [EntryKeys.Id] = [$"id '{input.Id}' cannot change; this entry is '{id}'"] });
        }

        var (entry, errors) = Validate(input with { Id = id }, input.Status ?? EntryStatusText.ToText(current.Entry.Status), current.Entry.Updated);
        if (entry is null)
        {
            return CurationOutcome.Invalid(errors);
        }

        var contentChanged = entry with { Status = current.Entry.Status } != current.Entry;
        var action = contentChanged ? RevisionAction.Edited : StatusAction(entry.Status);
        if (contentChanged)
        {
            entry = entry with { Updated = Today() };
        }

        return await WriteAsync(entry, author, action, RevisionPrecondition.Existing(expectedRevision ?? current.Revision), cancellationToken);
    }

    /// <summary>
    /// Publishes, retires or puts back to draft, without touching the content; the live index follows at once.
    /// </summary>
    public Task<CurationOutcome> SetStatusAsync(string id, EntryStatus status, string author, CancellationToken cancellationToken) =>
        ChangeAsync(id, author, StatusAction(status), entry => entry with { Status = status }, cancellationToken);

    /// <summary>
    /// Appends <paramref name="questions"/> to the entry's questions, leaving out blanks and any already equal to
    /// the title or a question (ordinal, after trimming ASCII whitespace). The entry is dated today when any was
    /// added; with none new, nothing is saved.
    /// </summary>
    public Task<CurationOutcome> AddQuestionsAsync(string id, IReadOnlyList<string> questions, string author, RevisionAction action, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(questions);
        return ChangeAsync(id, author, action, entry =>
        {
            var seen = new HashSet<string>(entry.Questions, StringComparer.Ordinal) { entry.Title };
            var added = questions.Where(q => !string.IsNullOrWhiteSpace(q)).Select(EntryValidator.Trim).Where(seen.Add).ToArray();
            return added.Length == 0 ? entry : entry with { Questions = [.. entry.Questions, .. added], Updated = Today() };
        }, cancellationToken);
    }

    /// <summary>The entry's revisions, newest first; null for an id that never had one.</summary>
    public async Task<IReadOnlyList<EntryRevision>?> HistoryAsync(string id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(id);
        var history = await Index.HistoryAsync(id, cancellationToken);
        return history.Count == 0
            ? null
            : history.Select(r => new EntryRevision(r.Revision, r.At, r.Author, r.Action, r.Entry.Status, r.Entry.Title)).ToArray();
    }

    /// <summary>
    /// A line diff from revision <paramref name="from"/> to <paramref name="to"/>, each rendered as its
    /// knowledge-base <c>.md</c> file; null when either revision does not exist.
    /// </summary>
    public async Task<EntryDiff?> DiffAsync(string id, int from, int to, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(id);
        if (await Index.GetRevisionAsync(id, from, cancellationToken) is not { } older
            || await Index.GetRevisionAsync(id, to, cancellationToken) is not { } newer)
        {
            return null;
        }

        return new EntryDiff(from, to, LineDiff.Compute(FileLines(older.Entry), FileLines(newer.Entry)));
    }

    /// <summary>
    /// Writes every stored entry, of every status, as <c>faq/&lt;category&gt;/&lt;id&gt;.md</c> under
    /// <paramref name="folder"/> (UTF-8, LF), replacing files of the same name; importing the folder gives back
    /// the same entries.
    /// </summary>
    /// <returns>The number of files written.</returns>
    public async Task<int> ExportAsync(string folder, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(folder);
        var rows = await Index.ListCurrentAsync(null, null, cancellationToken);
        foreach (var row in rows)
        {
            var path = Path.Combine(folder, MarkdownEntryFormat.RelativePath(row.Entry));
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            await File.WriteAllTextAsync(path, MarkdownEntryFormat.Write(row.Entry), Utf8NoBom, cancellationToken);
        }

        CurationLog.Exported(logger, rows.Count, folder);
        return rows.Count;
    }

    /// <summary>
    /// Imports a folder of <c>.md</c> entries, one <c>.md</c> file or a <c>.jsonl</c> file with exactly the CLI
    /// import's reading and validation: all of it or, on any error, nothing. Added and changed entries get an
    /// <c>imported</c> revision by <paramref name="author"/>.
    /// </summary>
    public async Task<ImportReport> ImportAsync(string path, string author, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(author);
        var content = await KnowledgeContentReader.ReadAsync(path, cancellationToken);
        if (!content.IsValid)
        {
            CurationLog.ImportRejected(logger, content.Errors.Count);
            return new ImportReport(content, null);
        }

        var summary = await Index.UpsertManyAsync(content.Entries, new RevisionStamp(Now(), author, RevisionAction.Imported), cancellationToken);
        CurationLog.Imported(logger, summary.Added, summary.Updated, summary.Unchanged);
        return new ImportReport(content, summary);
    }

    private async Task<CurationOutcome> ChangeAsync(
        string id,
        string author,
        RevisionAction action,
        Func<KnowledgeEntry, KnowledgeEntry> change,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(id);
        ArgumentNullException.ThrowIfNull(author);
        for (var attempt = 0; attempt < ConflictRetries; attempt++)
        {
            if (await Index.GetCurrentAsync(id, cancellationToken) is not { } current)
            {
                return CurationOutcome.NotFound;
            }

            var changed = change(current.Entry);
            if (changed == current.Entry)
            {
                return CurationOutcome.Saved(ToCurated(current));
            }

            var (entry, errors) = Validate(ToInput(changed), EntryStatusText.ToText(changed.Status), changed.Updated);
            if (entry is null)
            {
                return CurationOutcome.Invalid(errors);
            }

            var outcome = await WriteAsync(entry, author, action, RevisionPrecondition.Existing(current.Revision), cancellationToken);
            if (outcome.Status != CurationStatus.Conflict)
            {
                return outcome;
            }
        }

        return CurationOutcome.Conflict(await GetAsync(id, cancellationToken));
    }

    private async Task<CurationOutcome> WriteAsync(
        KnowledgeEntry entry,
        string author,
        RevisionAction action,
        RevisionPrecondition precondition,
        CancellationToken cancellationToken)
    {
        var stamp = new RevisionStamp(Now(), author, action);
        var result = await Index.WriteRevisionAsync(entry, stamp, precondition, cancellationToken);
        switch (result.Status)
        {
            case RevisionWriteStatus.Saved:
                CurationLog.EntrySaved(logger, entry.Id, result.Revision, RevisionActionText.ToText(action));
                return CurationOutcome.Saved(new CuratedEntry(entry, result.Revision, stamp.At, author));
            case RevisionWriteStatus.NotFound:
                return CurationOutcome.NotFound;
            case RevisionWriteStatus.Conflict:
            case RevisionWriteStatus.IdTaken:
                CurationLog.EntryConflict(logger, entry.Id, result.Revision, precondition.ExpectedRevision);
                return CurationOutcome.Conflict(await GetAsync(entry.Id, cancellationToken));
            default:
                return await GetAsync(entry.Id, cancellationToken) is { } unchanged ? CurationOutcome.Saved(unchanged) : CurationOutcome.NotFound;
        }
    }

    private (KnowledgeEntry? Entry, IReadOnlyDictionary<string, string[]> Errors) Validate(EntryInput input, string status, DateOnly? updated) =>
        EntryInputValidator.Validate(input, status, updated, Index.Categories);

    /// <summary><c>&lt;category&gt;-&lt;n&gt;</c> with n one past the highest number that category's ids use.</summary>
    private async Task<string> NextIdAsync(string category, CancellationToken cancellationToken)
    {
        var prefix = category + "-";
        var highest = 0;
        foreach (var id in await Index.ListIdsAsync(cancellationToken))
        {
            if (id.StartsWith(prefix, StringComparison.Ordinal)
                && int.TryParse(id.AsSpan(prefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var n))
            {
                highest = Math.Max(highest, n);
            }
        }

        return string.Create(CultureInfo.InvariantCulture, $"{prefix}{highest + 1:D2}");
    }

    private static RevisionAction StatusAction(EntryStatus status) => status switch
    {
        EntryStatus.Published => RevisionAction.Published,
        EntryStatus.Retired => RevisionAction.Retired,
        _ => RevisionAction.Edited,
    };

    private static bool Matches(KnowledgeEntry entry, string q) =>
        entry.Id.Contains(q, StringComparison.OrdinalIgnoreCase)
        || entry.Title.Contains(q, StringComparison.OrdinalIgnoreCase)
        || entry.Questions.Any(question => question.Contains(q, StringComparison.OrdinalIgnoreCase));

    private static EntryInput ToInput(KnowledgeEntry entry) =>
        new(entry.Id, entry.Title, entry.Questions, entry.Answer, entry.Category, entry.Tags, entry.Department, entry.Source);

    private static CuratedEntry ToCurated(StoredRevision row) => new(row.Entry, row.Revision, row.At, row.Author);

    private static string[] FileLines(KnowledgeEntry entry) => MarkdownEntryFormat.Write(entry).TrimEnd('\n').Split('\n');

    /// <summary>Now, to the millisecond the revision table keeps, so a saved entry reads back the same.</summary>
    private DateTimeOffset Now() => DateTimeOffset.FromUnixTimeMilliseconds(clock.GetUtcNow().ToUnixTimeMilliseconds());

    private DateOnly Today() => DateOnly.FromDateTime(clock.GetUtcNow().ToOffset(ChinaOffset).DateTime);
}
