namespace CitizenBot.Bot.Hosting;

/// <summary>The host's <c>DataDirectory</c> setting as the host's own files are placed in it: <c>data</c> when unset, made absolute.</summary>
internal static class HostDataDirectory
{
    public static string Of(IConfiguration configuration) =>
        Path.GetFullPath(configuration["DataDirectory"] is { Length: > 0 } configured ? configured : "data");
}
