using System.Globalization;

namespace CitizenBot.Benchmarks;

/// <summary>Command-line options of the <c>sweeper</c> mode, and the arguments that pass them on to its child process.</summary>
/// <param name="Open">Open tickets in the database.</param>
/// <param name="Due">Tickets due at each measured tick, in order; the first is the start-up tick's.</param>
/// <param name="Rebuild">File the tickets again even when a cached database exists.</param>
/// <param name="Database">Child only: the copy of the cached database to measure on.</param>
internal sealed record SweeperSettings(int Open, int[] Due, bool Rebuild, string? Database)
{
    public static SweeperSettings Parse(string[] args)
    {
        var settings = new SweeperSettings(1_000_000, [10, 0, 10, 100, 1000], false, null);
        for (var i = 0; i < args.Length; i++)
        {
            string Value() => i + 1 < args.Length ? args[++i] : throw new FormatException($"{args[i]} needs a value.");
            settings = args[i] switch
            {
                "--open" => settings with { Open = BenchmarkSettings.ParseCounts(Value()).Single() },
                "--due" => settings with { Due = [.. Value().Split(',').Select(d => int.Parse(d, NumberStyles.Integer, CultureInfo.InvariantCulture))] },
                "--rebuild" => settings with { Rebuild = true },
                "--child" => settings with { Database = Value() },
                _ => throw new FormatException($"Unknown option {args[i]}."),
            };
        }

        return settings.Open > 0 && settings.Due.Length > 0 && settings.Due.All(d => d >= 0 && d <= settings.Open)
            ? settings
            : throw new FormatException("--open must be positive and every --due between 0 and --open.");
    }

    public List<string> ChildArguments(string database) =>
        ["sweeper", "--open", Open.ToString(CultureInfo.InvariantCulture), "--due", string.Join(',', Due), "--child", database];
}
