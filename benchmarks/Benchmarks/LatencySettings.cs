using System.Globalization;

namespace CitizenBot.Benchmarks;

/// <summary>Command-line options of the <c>latency</c> mode, and the arguments that pass them on to a child process.</summary>
internal sealed record LatencySettings(int[] Entries, int Queries, int Warmup, bool Rebuild, bool InProcess, bool Child, bool BuildOnly)
{
    public static LatencySettings Parse(string[] args)
    {
        var settings = new LatencySettings([200, 10_000, 100_000], 5_000, 1_000, false, false, false, false);
        for (var i = 0; i < args.Length; i++)
        {
            string Value() => i + 1 < args.Length ? args[++i] : throw new FormatException($"{args[i]} needs a value.");
            settings = args[i] switch
            {
                "--entries" => settings with { Entries = BenchmarkSettings.ParseCounts(Value()) },
                "--queries" => settings with { Queries = PositiveInt(Value()) },
                "--warmup" => settings with { Warmup = int.Parse(Value(), NumberStyles.Integer, CultureInfo.InvariantCulture) },
                "--rebuild" => settings with { Rebuild = true },
                "--in-process" => settings with { InProcess = true },
                "--child" => settings with { Child = true },
                "--build-only" => settings with { BuildOnly = true },
                _ => throw new FormatException($"Unknown option {args[i]}."),
            };
        }

        return settings;
    }

    public List<string> ChildArguments(int count, bool buildOnly)
    {
        var arguments = new List<string> { "latency", "--child", "--entries", count.ToString(CultureInfo.InvariantCulture) };
        if (buildOnly)
        {
            arguments.Add("--build-only");
            if (Rebuild)
            {
                arguments.Add("--rebuild");
            }

            return arguments;
        }

        arguments.AddRange(["--queries", Queries.ToString(CultureInfo.InvariantCulture), "--warmup", Warmup.ToString(CultureInfo.InvariantCulture)]);
        return arguments;
    }

    private static int PositiveInt(string text) =>
        int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value > 0
            ? value
            : throw new FormatException($"'{text}' is not a positive number.");
}
