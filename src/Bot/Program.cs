using CitizenBot.Bot.Admin;
using CitizenBot.Bot.AdminConsole;
using CitizenBot.Bot.Auth;
using CitizenBot.Bot.Categories;
using CitizenBot.Bot.Channels.Http;
using CitizenBot.Bot.Channels.WeCom;
using CitizenBot.Bot.Cli;
using CitizenBot.Bot.Dialogue;
using CitizenBot.Bot.WorkersConsole;
using CitizenBot.Bot.Health;
using CitizenBot.Bot.Hosting;
using CitizenBot.Bot.Knowledge;
using CitizenBot.Bot.Notifications;
using CitizenBot.Bot.Org;
using CitizenBot.Bot.Reports;
using CitizenBot.Bot.Tickets;
using CitizenBot.Bot.WebChat;
using CitizenBot.Escalation;
using CitizenBot.Knowledge;

var invocation = BotCommandLine.Split(args);
var builder = WebApplication.CreateBuilder(invocation.ToWebApplicationOptions());

builder.AddBotDefaults();
builder.AddKnowledge();
builder.AddEscalation();
builder.AddStaffAuth();
builder.AddTicketApi();
builder.AddStaffNotifications();
builder.AddDialogue();
builder.AddWeComChannel();
builder.AddAdminApi();

if (invocation.IsCommand)
{
    return await BotCommandLine.RunAsync(builder, invocation.CommandArgs);
}

var app = builder.Build();

app.UseBotDefaults();
app.UseWorkersConsole();
app.UseWebChat();
app.UseAdminConsole();
await app.InitializeKnowledgeAsync();
await app.InitializeEscalationAsync();
await app.InitializeStaffAccountsAsync();
await app.InitializeDialogueAsync();

app.MapHealthEndpoints();
app.MapKnowledgeEndpoints();
app.MapOrgEndpoints();
app.MapCategoryEndpoints();
app.MapAuthEndpoints();
app.MapTicketEndpoints();
app.MapReportEndpoints();
app.MapNoticeEndpoints();
app.MapChatEndpoints();
app.MapWeComEndpoints();
app.MapAdminEndpoints();

await app.RunAsync();
return 0;

/// <summary>The host's entry point, visible to <c>WebApplicationFactory</c> in tests.</summary>
public partial class Program;
