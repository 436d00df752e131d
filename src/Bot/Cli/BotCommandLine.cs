using System.CommandLine;

namespace CitizenBot.Bot.Cli;

/// <summary>
/// The same binary as the service, run with a command: <c>import</c>, <c>ask</c>, <c>eval</c>, <c>reindex</c>.
/// Host settings such as <c>--DataDirectory /tmp/x</c> (PascalCase keys, <c>--urls</c>, <c>--environment</c>) work
/// as for the service: they go to the host's configuration and are hidden from the command parser.
/// </summary>
internal static class BotCommandLine
{
    private static readonly HashSet<string> Commands = new(StringComparer.Ordinal) { "import", "ask", "eval", "reindex", "mine", "--help", "-h", "-?" };

    /// <summary>
    /// Splits the process arguments into host settings (for <c>WebApplication.CreateBuilder</c>) and a command.
    /// The host's parser must never see a command's own flags: it would take <c>--calibrate --Key value</c> as
    /// the setting <c>calibrate=--Key</c> and lose <c>Key</c>.
    /// </summary>
    public static CommandLineInvocation Split(string[] args)
    {
        var hostArgs = new List<string>(args.Length);
        var commandArgs = new List<string>(args.Length);
        for (var i = 0; i < args.Length; i++)
        {
            var arg = args[i];
            var isHostSetting = arg.StartsWith("--", StringComparison.Ordinal) && arg.Length > 2
                && (char.IsUpper(arg[2]) || arg.StartsWith("--urls", StringComparison.OrdinalIgnoreCase) || arg.StartsWith("--environment", StringComparison.OrdinalIgnoreCase));
            if (!isHostSetting)
            {
                commandArgs.Add(arg);
                continue;
            }

            hostArgs.Add(arg);
            if (!arg.Contains('=', StringComparison.Ordinal) && i + 1 < args.Length)
            {
                hostArgs.Add(args[++i]);
            }
        }

        var isCommand = commandArgs.Count > 0 && Commands.Contains(commandArgs[0]);
        // Without a command every argument belongs to the host, as in any ASP.NET Core app.
        return isCommand ? new CommandLineInvocation([.. hostArgs], [.. commandArgs]) : new CommandLineInvocation(args, []);
    }

    public static async Task<int> RunAsync(WebApplicationBuilder builder, string[] commandArgs)
    {
        // Commands print their own results on stdout; logs go to stderr, and only warnings, or start-up chatter
        // would bury the results. Added last, this source overrides appsettings.json.
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Logging:LogLevel:Default"] = "Warning" });
        builder.Logging.ClearProviders();
        builder.Logging.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        await using var app = builder.Build();
        var root = new RootCommand("CitizenBot (红桥百事通): run with no command to start the service.")
        {
            ImportCommand.Create(app.Services),
            AskCommand.Create(app.Services),
            EvalCommand.Create(app.Services),
            ReindexCommand.Create(app.Services),
            MineCommand.Create(app.Services),
        };
        // Residents' questions start with @百事通: never read them as @response-file references.
        var parsing = new ParserConfiguration { ResponseFileTokenReplacer = null };
        return await root.Parse(commandArgs, parsing).InvokeAsync();
    }
}
