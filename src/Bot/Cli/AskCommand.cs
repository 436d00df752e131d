using System.CommandLine;
using System.Globalization;
using CitizenBot.Knowledge;
using CitizenBot.Knowledge.Retrieval;

namespace CitizenBot.Bot.Cli;

/// <summary><c>ask "&lt;text&gt;"</c>: what the bot would do with a question, and why.</summary>
internal static class AskCommand
{
    public static Command Create(IServiceProvider services)
    {
        var text = new Argument<string>("text") { Description = "The resident's question." };
        var command = new Command("ask", "Search the knowledge base and print the decision, confidence, entry and answer.") { text };
        command.SetAction(async (result, cancellationToken) =>
        {
            var knowledge = services.GetRequiredService<KnowledgeBase>();
            await knowledge.InitializeAsync(cancellationToken);
            var question = result.GetValue(text) ?? string.Empty;
            if (knowledge.Retriever.Validate(question) is { } error)
            {
                await Console.Error.WriteLineAsync(error);
                return 2;
            }

            var search = knowledge.Retriever.Search(question, 5);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"decision:   {search.Decision.ToString().ToLowerInvariant()} (confidence {search.Confidence:0.00}, right entry among choices {search.ChoicesConfidence:0.00})"));
            if (search.Answer is { } top && await knowledge.GetAsync(top.EntryId, cancellationToken) is { } entry)
            {
                Console.WriteLine($"entry:      {entry.Id}  {entry.Title}");
                Console.WriteLine($"source:     {entry.Source ?? "-"} · {entry.Department ?? "-"}");
                Console.WriteLine();
                Console.WriteLine(entry.Answer);
                Console.WriteLine();
            }
            else if (search.Decision == SearchDecision.Clarify)
            {
                Console.WriteLine("choices:");
                var n = 1;
                foreach (var choice in search.Choices)
                {
                    Console.WriteLine($"  {n++}. {choice.EntryId}  {choice.Title}");
                }
            }

            Console.WriteLine("hits:");
            foreach (var hit in search.Hits)
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {hit.Score:0.000}  p={hit.Confidence:0.00}  evidence={hit.Evidence:0.0}  {hit.EntryId}  {hit.Title}"));
            }

            return 0;
        });
        return command;
    }
}
