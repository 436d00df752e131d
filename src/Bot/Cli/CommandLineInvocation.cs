namespace CitizenBot.Bot.Cli;

/// <summary>The process arguments split into host settings and a command (empty when the service should run).</summary>
internal sealed record CommandLineInvocation(string[] HostArgs, string[] CommandArgs)
{
    public bool IsCommand => CommandArgs.Length > 0;
}
