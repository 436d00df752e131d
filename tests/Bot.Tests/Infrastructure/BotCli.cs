using System.Diagnostics;
using System.Text;

namespace CitizenBot.Bot.Tests.Infrastructure;

/// <summary>What one run of the command line did.</summary>
public sealed record CliResult(int ExitCode, string StandardOutput, string StandardError)
{
    public override string ToString() =>
        $"exit code {ExitCode}{Environment.NewLine}--- stdout ---{Environment.NewLine}{StandardOutput}{Environment.NewLine}--- stderr ---{Environment.NewLine}{StandardError}";
}

/// <summary>
/// Runs the built service binary (<c>CitizenBot.Bot.dll</c>, copied next to the test assembly) as a child process,
/// the way an operator runs its commands.
/// </summary>
public static class BotCli
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    public static string BotAssemblyPath { get; } = Path.Combine(AppContext.BaseDirectory, "CitizenBot.Bot.dll");

    /// <summary>
    /// Runs <c>dotnet CitizenBot.Bot.dll &lt;args&gt; --DataDirectory &lt;dataDirectory&gt;
    /// --Knowledge:ContentDirectory &lt;seed&gt;</c> in <paramref name="workingDirectory"/>.
    /// </summary>
    public static async Task<CliResult> RunAsync(string workingDirectory, string dataDirectory, params string[] args)
    {
        var start = new ProcessStartInfo(DotnetHost())
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        start.ArgumentList.Add(BotAssemblyPath);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.ArgumentList.Add("--DataDirectory");
        start.ArgumentList.Add(dataDirectory);
        start.ArgumentList.Add("--Knowledge:ContentDirectory");
        start.ArgumentList.Add(RepositoryPaths.KnowledgeBase);
        // The child is a plain command-line run, whatever environment the test runner has.
        start.Environment.Remove("ASPNETCORE_ENVIRONMENT");
        start.Environment.Remove("DOTNET_ENVIRONMENT");
        start.Environment.Remove("ASPNETCORE_URLS");

        using var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
        process.StandardInput.Close();
        using var timeout = new CancellationTokenSource(Timeout);
        var stdout = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var stderr = process.StandardError.ReadToEndAsync(timeout.Token);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"'{string.Join(' ', args)}' did not finish within {Timeout.TotalSeconds:0} s.");
        }

        return new CliResult(process.ExitCode, await stdout, await stderr);
    }

    /// <summary>The dotnet host running these tests, else <c>dotnet</c> from the PATH.</summary>
    internal static string DotnetHost()
    {
        if (Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } hostPath && File.Exists(hostPath))
        {
            return hostPath;
        }

        var current = Environment.ProcessPath;
        return current is not null && Path.GetFileNameWithoutExtension(current) == "dotnet" ? current : "dotnet";
    }
}
