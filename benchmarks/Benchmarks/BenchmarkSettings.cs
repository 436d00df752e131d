using System.Globalization;

namespace CitizenBot.Benchmarks;

/// <summary>Settings shared by the BenchmarkDotNet classes, passed from the host to its child processes by environment.</summary>
internal static class BenchmarkSettings
{
    /// <summary>Comma-separated entry counts overriding the benchmarks' defaults (set by <c>bdn --entries</c>).</summary>
    public const string EntriesVariable = "CITIZENBOT_BENCH_ENTRIES";

    /// <summary>Queries a benchmark cycles through, one per invocation.</summary>
    public const int QueryCount = 500;

    /// <summary>The entry counts to run: the override when set, else <paramref name="defaults"/>.</summary>
    public static IEnumerable<int> EntryCounts(params int[] defaults) =>
        Environment.GetEnvironmentVariable(EntriesVariable) is { Length: > 0 } configured
            ? ParseCounts(configured)
            : defaults;

    /// <summary>Parses <c>200,10000,1e5,10k</c>-style lists.</summary>
    public static int[] ParseCounts(string text) =>
        [.. text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(ParseCount)];

    private static int ParseCount(string item)
    {
        var multiplier = 1;
        if (item.EndsWith('k') || item.EndsWith('K'))
        {
            multiplier = 1_000;
            item = item[..^1];
        }

        var value = double.Parse(item.Replace("_", string.Empty, StringComparison.Ordinal), NumberStyles.Float, CultureInfo.InvariantCulture) * multiplier;
        return value is >= 1 and <= 10_000_000
            ? (int)value
            : throw new FormatException($"'{item}' is not an entry count between 1 and 10,000,000.");
    }
}
