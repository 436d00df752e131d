using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace CitizenBot.Bot.Tests.Infrastructure;

/// <summary>
/// The real service, Kestrel and all, listening on a free loopback port, with its SQLite index in
/// <paramref name="dataDirectory"/> and the repository's seed knowledge base as its content folder.
/// </summary>
/// <param name="dataDirectory">The host's <c>DataDirectory</c>; the caller owns (and deletes) it.</param>
/// <param name="settings">Further host settings, e.g. <c>Knowledge:ImportOnFirstStart</c>.</param>
public sealed class BotApplicationFactory(string dataDirectory, IReadOnlyDictionary<string, string>? settings = null)
    : WebApplicationFactory<Program>
{
    private readonly IReadOnlyDictionary<string, string> _settings = settings ?? new Dictionary<string, string>();
    private bool _kestrelConfigured;

    public string DataDirectory { get; } = dataDirectory;

    /// <summary>Where the server listens, e.g. <c>http://127.0.0.1:41234/</c>; starts the server on first use.</summary>
    public Uri ServerAddress
    {
        get
        {
            StartKestrel();
            var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses
                ?? throw new InvalidOperationException("The server reports no addresses.");
            return new Uri(addresses.Single() + "/");
        }
    }

    /// <summary>An <see cref="HttpClient"/> whose requests go through a real socket to Kestrel.</summary>
    public HttpClient CreateSocketClient()
    {
        var client = new HttpClient { BaseAddress = ServerAddress, Timeout = TimeSpan.FromSeconds(60) };
        return client;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("DataDirectory", DataDirectory);
        builder.UseSetting("Knowledge:ContentDirectory", RepositoryPaths.KnowledgeBase);
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }
    }

    private void StartKestrel()
    {
        if (!_kestrelConfigured)
        {
            _kestrelConfigured = true;
            UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        }

        StartServer();
    }
}
