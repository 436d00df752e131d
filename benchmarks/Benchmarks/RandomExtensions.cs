namespace CitizenBot.Benchmarks;

/// <summary>Small helpers over a seeded <see cref="Random"/>, shared by the synthetic generators.</summary>
internal static class RandomExtensions
{
    /// <summary>One item of <paramref name="items"/>, drawn with a single <see cref="Random.Next(int)"/>.</summary>
    public static string Pick(this Random rng, string[] items) => items[rng.Next(items.Length)];
}
