using CitizenBot.Knowledge.Analysis;

namespace CitizenBot.Knowledge.Tests.Infrastructure;

/// <summary>Analyzers over small explicit lexicons, with the service's normalizer settings.</summary>
internal static class TestAnalyzers
{
    /// <summary>The bot's own name, as configured by default in <see cref="KnowledgeOptions.MentionNames"/>.</summary>
    public const string BotName = "百事通";

    public static TextNormalizer Normalizer { get; } = new([BotName]);

    /// <summary>An analyzer knowing <paramref name="words"/> and <paramref name="synonymGroups"/> (first term canonical).</summary>
    public static ChineseAnalyzer Create(IEnumerable<string> words, IEnumerable<IReadOnlyList<string>>? synonymGroups = null) =>
        new(Lexicon.Create(words, synonymGroups ?? []), Normalizer);
}
