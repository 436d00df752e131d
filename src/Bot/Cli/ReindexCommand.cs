using System.CommandLine;
using System.Diagnostics;
using CitizenBot.Knowledge;

namespace CitizenBot.Bot.Cli;

/// <summary><c>reindex</c>: re-tokenize every stored entry with the current lexicon and synonyms.</summary>
internal static class ReindexCommand
{
    public static Command Create(IServiceProvider services)
    {
        var command = new Command("reindex", "Rebuild the full-text terms of every stored entry (after lexicon or synonym changes).");
        command.SetAction(async (_, cancellationToken) =>
        {
            var knowledge = services.GetRequiredService<KnowledgeBase>();
            await knowledge.InitializeAsync(importIfEmpty: false, cancellationToken);
            var watch = Stopwatch.StartNew();
            await knowledge.ReindexAsync(cancellationToken);
            Console.WriteLine($"Reindexed {knowledge.Index.Count} searchable entries in {watch.ElapsedMilliseconds} ms.");
            return 0;
        });
        return command;
    }
}
