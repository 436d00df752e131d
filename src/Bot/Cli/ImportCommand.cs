using System.CommandLine;
using CitizenBot.Knowledge;

namespace CitizenBot.Bot.Cli;

/// <summary><c>import &lt;folder|file.jsonl&gt;</c>: validate everything, then import all of it or nothing.</summary>
internal static class ImportCommand
{
    public static Command Create(IServiceProvider services)
    {
        var path = new Argument<string>("path") { Description = "A folder of .md entries (or a knowledge-base folder with faq/) or a .jsonl file." };
        var command = new Command("import", "Validate and import knowledge-base entries into the service's index.") { path };
        command.SetAction(async (result, cancellationToken) =>
        {
            var knowledge = services.GetRequiredService<KnowledgeBase>();
            await knowledge.InitializeAsync(importIfEmpty: false, cancellationToken);
            var report = await knowledge.ImportAsync(result.GetValue(path)!, cancellationToken);
            if (report.Summary is not { } summary)
            {
                foreach (var error in report.Content.Errors)
                {
                    await Console.Error.WriteLineAsync(error.ToString());
                }

                await Console.Error.WriteLineAsync($"Import refused: {report.Content.Errors.Count} error(s); nothing was imported.");
                return 1;
            }

            Console.WriteLine($"Imported {summary.Total} entries: {summary.Added} added, {summary.Updated} updated, {summary.Unchanged} unchanged. Searchable now: {knowledge.Index.Count}.");
            return 0;
        });
        return command;
    }
}
