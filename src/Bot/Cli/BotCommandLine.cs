using System.CommandLine;

namespace CitizenBot.Bot.Cli;

/// <summary>
/// The same binary as the service, run with a command: <c>import</c>, <c>ask</c>, <c>eval</c>, <c>reindex</c>.
/// Host settings such as <c>--DataDirectory /tmp/x</c> work as for the service: they are read by the host's
/// configuration and hidden from the command parser.
/// </summary>
internal static class BotCommandLine
{
    private static readonly HashSet<string> Commands = new(StringComparer.Ordinal) { "import", "ask", "eval", "reindex", "--help", "-h", "-?" };

    public static bool IsCommand(string[] args) => args.Length > 0 && Commands.Contains(args[0]);

    public static async Task<int> RunAsync(WebApplicationBuilder builder, string[] args)
    {
        // Commands print their own results; start-up chatter would bury them.
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        await using var app = builder.Build();
        var root = new RootCommand("CitizenBot (红桥百事通): run with no command to start the service.")
        {
            ImportCommand.Create(app.Services),
            AskCommand.Create(app.Services),
            EvalCommand.Create(app.Services),
            ReindexCommand.Create(app.Services),
        };
        return await root.Parse(WithoutHostSettings(args)).InvokeAsync();
    }

    /// <summary>Drops <c>--Key value</c> pairs meant for the host configuration (PascalCase keys and <c>--urls</c>).</summary>
    private static List<string> WithoutHostSettings(string[] args)
    {
        var kept = new List<string>(args.Length);
        for (var i = 0; i < args.Length; i++)
        {
            var arg = args[i];
            var isHostSetting = arg.StartsWith("--", StringComparison.Ordinal) && arg.Length > 2
                && (char.IsUpper(arg[2]) || arg.Equals("--urls", StringComparison.OrdinalIgnoreCase) || arg.Equals("--environment", StringComparison.OrdinalIgnoreCase));
            if (!isHostSetting)
            {
                kept.Add(arg);
                continue;
            }

            if (!arg.Contains('=', StringComparison.Ordinal) && i + 1 < args.Length)
            {
                i++; // the setting's value
            }
        }

        return kept;
    }
}
