using CitizenBot.Bot.Hosting;

namespace CitizenBot.Bot.WebChat;

/// <summary>
/// Serves the residents' web chat, a static page in <c>wwwroot/chat</c>, at <c>/chat/</c>: a WeChat-style group chat
/// that talks to the bot through <c>/api/chat/…</c> like any other channel client, so the host only serves files.
/// </summary>
internal static class WebChatHostingExtensions
{
    public static WebApplication UseWebChat(this WebApplication app) => app.UseStaticPage("chat", "residents' web chat");
}
