using CitizenBot.Bot.Cli;
using CitizenBot.Bot.Health;
using CitizenBot.Bot.Hosting;
using CitizenBot.Bot.Knowledge;
using CitizenBot.Knowledge;

var builder = WebApplication.CreateBuilder(args);

builder.AddBotDefaults();
builder.AddKnowledge();

if (BotCommandLine.IsCommand(args))
{
    return await BotCommandLine.RunAsync(builder, args);
}

var app = builder.Build();

app.UseBotDefaults();
await app.InitializeKnowledgeAsync();

app.MapHealthEndpoints();
app.MapKnowledgeEndpoints();

await app.RunAsync();
return 0;

/// <summary>The host's entry point, visible to <c>WebApplicationFactory</c> in tests.</summary>
public partial class Program;
