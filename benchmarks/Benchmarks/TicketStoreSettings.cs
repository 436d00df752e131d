using System.Globalization;

namespace CitizenBot.Benchmarks;

/// <summary>Command-line options of the <c>tickets-store</c> mode.</summary>
internal sealed record TicketStoreSettings(int[] Concurrency, int Count, int Warmup)
{
    public static TicketStoreSettings Parse(string[] args)
    {
        var settings = new TicketStoreSettings([1, 8, 32, 64], 20_000, 500);
        for (var i = 0; i < args.Length; i++)
        {
            string Value() => i + 1 < args.Length ? args[++i] : throw new FormatException($"{args[i]} needs a value.");
            settings = args[i] switch
            {
                "--concurrency" => settings with { Concurrency = BenchmarkSettings.ParseCounts(Value()) },
                "--count" => settings with { Count = BenchmarkSettings.ParseCounts(Value()).Single() },
                "--warmup" => settings with { Warmup = int.Parse(Value(), NumberStyles.Integer, CultureInfo.InvariantCulture) },
                _ => throw new FormatException($"Unknown option {args[i]}."),
            };
        }

        return settings.Count > 0 && settings.Concurrency.All(c => c > 0)
            ? settings
            : throw new FormatException("--count and every --concurrency must be positive.");
    }
}
