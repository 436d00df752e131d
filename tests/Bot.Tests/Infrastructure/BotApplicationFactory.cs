using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace CitizenBot.Bot.Tests.Infrastructure;

/// <summary>
/// The real service, Kestrel and all, listening on a free loopback port, with its SQLite index in a given data
/// directory and the repository's seed knowledge base (absolute path) as its content folder.
/// </summary>
public sealed class BotApplicationFactory : WebApplicationFactory<Program>
{
    private readonly IReadOnlyDictionary<string, string> _settings;

    /// <param name="dataDirectory">The host's <c>DataDirectory</c>; the caller owns (and deletes) it.</param>
    /// <param name="settings">Further host settings, e.g. <c>Knowledge:ImportOnFirstStart</c>.</param>
    public BotApplicationFactory(string dataDirectory, IReadOnlyDictionary<string, string>? settings = null)
    {
        DataDirectory = dataDirectory;
        _settings = settings ?? new Dictionary<string, string>();
        // A real socket: requests pass Kestrel's parsing and limits, as in production. Port 0: the OS picks a free one.
        UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
    }

    public string DataDirectory { get; }

    /// <summary>Where the server listens, e.g. <c>http://127.0.0.1:41234/</c>; starts the server on first use.</summary>
    public Uri ServerAddress
    {
        get
        {
            StartServer();
            var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses
                ?? throw new InvalidOperationException("The server reports no addresses.");
            return new Uri(addresses.Single().TrimEnd('/') + "/");
        }
    }

    /// <summary>An <see cref="HttpClient"/> whose requests go through a loopback socket to Kestrel.</summary>
    public HttpClient CreateSocketClient() => new() { BaseAddress = ServerAddress, Timeout = TimeSpan.FromSeconds(60) };

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("DataDirectory", DataDirectory);
        builder.UseSetting("Knowledge:ContentDirectory", RepositoryPaths.KnowledgeBase);
        builder.UseSetting("Escalation:ContentDirectory", RepositoryPaths.KnowledgeBase);
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }
    }
}
