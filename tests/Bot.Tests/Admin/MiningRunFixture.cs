using System.Net;
using System.Text.Json;
using CitizenBot.Bot.Tests.Infrastructure;

namespace CitizenBot.Bot.Tests.Admin;

/// <summary>
/// A service whose residents asked <see cref="NewTopicStream"/> (ordinary questions with a new insurance product,
/// 惠民保, mixed in), mined once through <c>POST /api/admin/mining/run</c>; the run's answer is kept for the tests.
/// </summary>
public sealed class MiningRunFixture : IAsyncLifetime
{
    /// <summary>The new word the stream teaches: the seed lexicon does not know it.</summary>
    public const string NewWord = NewTopicStream.Word;

    private readonly AdminServiceFixture _service = new();

    public AdminServiceFixture Service => _service;

    public HttpStatusCode RunStatus { get; private set; }

    /// <summary>The body <c>POST /api/admin/mining/run</c> answered.</summary>
    public JsonElement Run { get; private set; }

    public async Task InitializeAsync()
    {
        await _service.InitializeAsync();
        await NewTopicStream.ReplayAsync(_service.Anonymous, "mining-api-resident");
        using var run = await _service.Admin.PostAsync(AdminApi.Url("api/admin/mining/run"), null);
        RunStatus = run.StatusCode;
        Run = await run.ReadJsonAsync();
    }

    public Task DisposeAsync() => _service.DisposeAsync();
}
