namespace CitizenBot.Bot.Cli;

/// <summary>The process arguments split into host settings and a command (empty when the service should run).</summary>
internal sealed record CommandLineInvocation(string[] HostArgs, string[] CommandArgs)
{
    public bool IsCommand => CommandArgs.Length > 0;

    /// <summary>
    /// Host options whose content root (appsettings.json) is the application's folder, because the working directory
    /// is the caller's: relative paths on the command line and <c>./data</c> mean what they mean in the shell.
    /// A content root given explicitly (tests pass one) wins.
    /// </summary>
    public WebApplicationOptions ToWebApplicationOptions() => new()
    {
        Args = HostArgs,
        ContentRootPath = HostArgs.Any(a => a.StartsWith("--contentRoot", StringComparison.OrdinalIgnoreCase))
            ? null
            : AppContext.BaseDirectory,
    };
}
