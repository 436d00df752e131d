using CitizenBot.Bot.Cli;
using CitizenBot.Bot.Health;
using CitizenBot.Bot.Hosting;
using CitizenBot.Bot.Knowledge;
using CitizenBot.Knowledge;

var invocation = BotCommandLine.Split(args);
var builder = WebApplication.CreateBuilder(invocation.ToWebApplicationOptions());

builder.AddBotDefaults();
builder.AddKnowledge();

if (invocation.IsCommand)
{
    return await BotCommandLine.RunAsync(builder, invocation.CommandArgs);
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
