using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace CitizenBot.Bot.Tests.Infrastructure;

/// <summary>
/// The service as an operator runs it: <c>dotnet CitizenBot.Bot.dll</c> in a child process listening on a free
/// loopback port, in Production, so it can be killed with SIGKILL and started again on the same data directory.
/// </summary>
public sealed class BotProcess : IAsyncDisposable
{
    private static readonly TimeSpan StartupTimeout = TimeSpan.FromSeconds(60);

    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private BotProcess(Process process, Uri address)
    {
        _process = process;
        Address = address;
    }

    public Uri Address { get; }

    /// <summary>What the process wrote so far, for failure messages.</summary>
    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>Starts the service on <paramref name="dataDirectory"/> and waits until <c>/health</c> answers.</summary>
    public static async Task<BotProcess> StartAsync(string dataDirectory, IReadOnlyDictionary<string, string> settings)
    {
        var port = FreePort();
        var start = new ProcessStartInfo(BotCli.DotnetHost())
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(BotCli.BotAssemblyPath);
        var arguments = new Dictionary<string, string>
        {
            ["--urls"] = $"http://127.0.0.1:{port}",
            ["--DataDirectory"] = dataDirectory,
            ["--Knowledge:ContentDirectory"] = RepositoryPaths.KnowledgeBase,
            ["--Knowledge:ImportOnFirstStart"] = "false",
            ["--Escalation:ContentDirectory"] = RepositoryPaths.KnowledgeBase,
            ["--Auth:SeedPassword"] = StaffApi.SeedPassword,
        };
        foreach (var (key, value) in settings)
        {
            arguments["--" + key] = value;
        }

        foreach (var (key, value) in arguments)
        {
            start.ArgumentList.Add(key);
            start.ArgumentList.Add(value);
        }

        start.Environment.Remove("ASPNETCORE_ENVIRONMENT");
        start.Environment.Remove("DOTNET_ENVIRONMENT");
        start.Environment.Remove("ASPNETCORE_URLS");

        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
        var bot = new BotProcess(process, new Uri($"http://127.0.0.1:{port}/"));
        process.OutputDataReceived += (_, e) => bot.Append(e.Data);
        process.ErrorDataReceived += (_, e) => bot.Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await bot.WaitUntilHealthyAsync();
        return bot;
    }

    public HttpClient CreateClient() => new() { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(30) };

    /// <summary>SIGKILL: no shutdown hooks, no flushing; whatever was not committed is gone.</summary>
    public async Task KillAsync()
    {
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            await KillAsync();
        }

        _process.Dispose();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
        }
    }

    private async Task WaitUntilHealthyAsync()
    {
        using var client = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(2) };
        var stopwatch = Stopwatch.StartNew();
        while (stopwatch.Elapsed < StartupTimeout)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The service exited with {_process.ExitCode} during start-up:\n{Output}");
            }

            try
            {
                using var response = await client.GetAsync(new Uri("health", UriKind.Relative));
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"The service did not answer /health within {StartupTimeout.TotalSeconds:0} s:\n{Output}");
    }
}
