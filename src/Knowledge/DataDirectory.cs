using Microsoft.Extensions.Configuration;

namespace CitizenBot.Knowledge;

/// <summary>The host's <c>DataDirectory</c> setting as the module's files are placed in it: <c>data</c> when unset, made absolute.</summary>
internal static class DataDirectory
{
    public static string Of(IConfiguration configuration) =>
        Path.GetFullPath(configuration["DataDirectory"] is { Length: > 0 } configured ? configured : "data");
}
