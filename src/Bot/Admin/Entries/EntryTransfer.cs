using System.IO.Compression;
using CitizenBot.Bot.Auth;
using CitizenBot.Escalation.Sla;
using CitizenBot.Knowledge;
using CitizenBot.Knowledge.Analysis;
using CitizenBot.Knowledge.Content;
using CitizenBot.Knowledge.Curation;
using CitizenBot.Knowledge.Mining.Review;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CitizenBot.Bot.Admin.Entries;

/// <summary>
/// The knowledge-base format in and out through the admin API: an export as a zip of the <c>knowledge-base/</c>
/// layout, and an upload of a <c>.jsonl</c> file or a folder of <c>.md</c> entries, imported with the CLI's rules.
/// </summary>
internal static class EntryTransfer
{
    /// <summary>Bounds one upload: the seed base is 0.4 MB; Kestrel refuses bodies over 30 MB before this is read.</summary>
    public const long MaxUploadBytes = 25L * 1024 * 1024;

    private const int MaxFiles = 20_000;

    /// <summary>The content folder's files that belong with the entries: what an analyzer and a category list need.</summary>
    private static readonly string[] ContentFiles = [LexiconFiles.LexiconFileName, LexiconFiles.SynonymsFileName, FaqCategoryCatalog.FileName];

    /// <summary>
    /// Every stored entry (all statuses) as <c>faq/&lt;category&gt;/&lt;id&gt;.md</c>, with the words learned in
    /// review added to <c>lexicon.txt</c> and <c>synonyms.txt</c>; unpacked over <c>knowledge-base/</c>, it is what
    /// the service now knows.
    /// </summary>
    public static async Task<FileStreamHttpResult> ExportAsync(
        KnowledgeBase knowledge,
        EntryCurator curator,
        MiningService mining,
        TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var folder = Directory.CreateTempSubdirectory("citizenbot-export-");
        try
        {
            await curator.ExportAsync(folder.FullName, cancellationToken);
            foreach (var file in ContentFiles)
            {
                var source = Path.Combine(knowledge.ContentDirectory, file);
                if (File.Exists(source))
                {
                    File.Copy(source, Path.Combine(folder.FullName, file));
                }
            }

            // Appended to the copies: the export's lexicon is the content folder's plus what review taught the service.
            await mining.WriteLearnedVocabularyAsync(folder.FullName, cancellationToken);

            // The zip goes to a temporary file deleted when the response closes it: a large base is streamed, not buffered.
            var zipPath = Path.Combine(Path.GetTempPath(), $"citizenbot-export-{Guid.NewGuid():N}.zip");
            await ZipFile.CreateFromDirectoryAsync(folder.FullName, zipPath, CompressionLevel.Optimal, includeBaseDirectory: false, cancellationToken);
            var zip = new FileStream(zipPath, FileMode.Open, FileAccess.Read, FileShare.None, 81920, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
            var date = BeijingTime.DateOf(clock.GetUtcNow()).ToString("yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture);
            return TypedResults.File(zip, "application/zip", $"knowledge-base-{date}.zip");
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    /// <summary>
    /// Imports the uploaded files: one <c>.jsonl</c> file, or <c>.md</c> entries (a folder picked in the browser
    /// keeps its relative paths). All of it or, on any error, nothing; errors name the uploaded file and line.
    /// </summary>
    public static async Task<Results<Ok<ImportResponse>, BadRequest<ImportErrorResponse>>> ImportAsync(
        HttpRequest request,
        StaffUser user,
        EntryCurator curator,
        CancellationToken cancellationToken)
    {
        if (!request.HasFormContentType)
        {
            return Refused("请以表单（multipart/form-data）上传文件，字段名为 files。");
        }

        IFormCollection form;
        try
        {
            form = await request.ReadFormAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is InvalidDataException || (ex is IOException && ex is not BadHttpRequestException))
        {
            // A malformed multipart body (no parts, a body cut off before its closing boundary) is the uploader's
            // error, not the server's; a body over Kestrel's limit stays Kestrel's 413.
            return Refused("上传的表单内容不完整或格式有误，请重新选择文件上传。");
        }

        var files = form.Files.GetFiles("files");
        if (files.Count == 0)
        {
            return Refused("没有收到文件：请上传一个 .jsonl 文件，或一个包含 .md 条目的文件夹。");
        }

        if (files.Count > MaxFiles || files.Sum(f => f.Length) > MaxUploadBytes)
        {
            return Refused($"上传内容过大：最多 {MaxFiles} 个文件、共 {MaxUploadBytes / 1024 / 1024} MB。");
        }

        var jsonl = files.Where(f => f.FileName.EndsWith(".jsonl", StringComparison.OrdinalIgnoreCase)).ToList();
        var markdown = files.Where(f => f.FileName.EndsWith(".md", StringComparison.OrdinalIgnoreCase)).ToList();
        if (jsonl.Count + markdown.Count != files.Count || (jsonl.Count > 0 && (jsonl.Count > 1 || markdown.Count > 0)))
        {
            return Refused("只能上传一个 .jsonl 文件，或若干 .md 条目文件，不能混合其他文件。");
        }

        var folder = Directory.CreateTempSubdirectory("citizenbot-import-");
        try
        {
            string path;
            if (jsonl.Count == 1)
            {
                path = Path.Combine(folder.FullName, SafeRelativePath(jsonl[0].FileName) ?? "entries.jsonl");
                await SaveAsync(jsonl[0], path, cancellationToken);
            }
            else
            {
                foreach (var file in markdown)
                {
                    if (SafeRelativePath(file.FileName) is not { } relative)
                    {
                        return Refused($"文件名不合法：{file.FileName}");
                    }

                    var target = Path.Combine(folder.FullName, relative);
                    if (File.Exists(target))
                    {
                        return Refused($"文件重复：{relative}");
                    }

                    await SaveAsync(file, target, cancellationToken);
                }

                path = folder.FullName;
            }

            var report = await curator.ImportAsync(path, user.PersonId, cancellationToken);
            if (report.Summary is not { } summary)
            {
                var prefix = folder.FullName + Path.DirectorySeparatorChar;
                return TypedResults.BadRequest(new ImportErrorResponse(
                    $"导入未执行：发现 {report.Content.Errors.Count} 处错误，请改正后重新上传。",
                    [.. report.Content.Errors.Select(e => new ImportErrorLine(e.File.Replace(prefix, string.Empty, StringComparison.Ordinal), e.Line, e.Message))]));
            }

            return TypedResults.Ok(new ImportResponse(summary.Added, summary.Updated, summary.Unchanged));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private static BadRequest<ImportErrorResponse> Refused(string message) =>
        TypedResults.BadRequest(new ImportErrorResponse(message, []));

    /// <summary>
    /// The upload's name as a path inside the import folder: a browser sends a picked folder's relative paths, and
    /// a forged name must not climb out of the folder, so only plain segments survive.
    /// </summary>
    private static string? SafeRelativePath(string fileName)
    {
        var segments = fileName.Replace('\\', '/').Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (segments.Length == 0 || segments.Any(s => s is "." or ".." || s.IndexOfAny(Path.GetInvalidFileNameChars()) >= 0))
        {
            return null;
        }

        return Path.Combine(segments);
    }

    private static async Task SaveAsync(IFormFile file, string path, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await using var target = File.Create(path);
        await file.CopyToAsync(target, cancellationToken);
    }
}
