using System.Globalization;
using CitizenBot.Knowledge.Analysis;
using CitizenBot.Knowledge.Content;
using CitizenBot.Knowledge.Index;
using CitizenBot.Knowledge.Tests.Content;
using CitizenBot.Knowledge.Tests.Infrastructure;

namespace CitizenBot.Knowledge.Tests.Analysis;

public sealed class ChineseAnalyzerTests : IDisposable
{
    /// <summary>
    /// Rules: single characters except particles; every bigram without a particle (a bigram that is a dictionary
    /// word counts as the word, and is dropped when it is filler); dictionary words of 3+ characters; a synonym's
    /// canonical term right after the synonym. Filler phrases are cut out unless a domain word overlaps them.
    /// </summary>
    private static readonly ChineseAnalyzer Analyzer = TestAnalyzers.Create(
        ["供暖费", "居住证", "物业费", "家电", "感谢信"],
        [["供暖", "暖气", "供热"]]);

    private readonly TemporaryDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    public static TheoryData<string, string[]> GoldenTokens => new()
    {
        // 请问 is filler; 么 is no particle, so the question word 怎么 stays; 暖气 brings its canonical 供暖.
        { "请问暖气费怎么交", ["暖", "气", "费", "怎", "么", "交", "暖气", "供暖", "气费", "费怎", "怎么", "么交"] },
        // 了 and 吗 are particles: no unigram, no bigram holding them; 居住证 is a 3-character word.
        { "居住证过期了吗", ["居", "住", "证", "过", "期", "居住", "居住证", "住证", "证过", "过期"] },
        // Numbers are kept whole and split from the Han run.
        { "3号楼漏水", ["3", "号", "楼", "漏", "水", "号楼", "楼漏", "漏水"] },
        { "wifi密码", ["wifi", "密", "码", "密码"] },
        { "ＷｉＦｉ密码", ["wifi", "密", "码", "密码"] },
        // Nothing but filler and particles: fall back to the characters rather than an empty question.
        { "你好啊", ["你", "好", "啊"] },
        { "谢谢", ["谢", "谢"] },
        // A synonym is followed by its canonical term; the canonical term itself stands alone.
        { "暖气", ["暖", "气", "暖气", "供暖"] },
        { "供热", ["供", "热", "供热", "供暖"] },
        { "供暖", ["供", "暖", "供暖"] },
        { "供暖费", ["供", "暖", "费", "供暖", "供暖费", "暖费"] },
        // Filler after a domain word is cut; filler before it too.
        { "物业费一下", ["物", "业", "费", "物业", "物业费", "业费"] },
        { "请问供暖费", ["供", "暖", "费", "供暖", "供暖费", "暖费"] },
        // Filler overlapped by a domain word is kept: 大家 overlaps 家电, 感谢 lies inside 感谢信. The filler bigram
        // itself still adds no term.
        { "大家电维修", ["大", "家", "电", "维", "修", "家电", "电维", "维修"] },
        { "写感谢信", ["写", "感", "谢", "信", "写感", "感谢信", "谢信"] },
        // Punctuation splits runs: no bigram across it.
        { "暖气，漏水", ["暖", "气", "暖气", "供暖", "漏", "水", "漏水"] },
    };

    [Theory]
    [MemberData(nameof(GoldenTokens))]
    public void Tokenize_ReturnsGoldenTokens_WhenTextIsTricky(string text, string[] expected) =>
        Assert.Equal(expected, Analyzer.Tokenize(text));

    [Theory]
    [InlineData("")]
    [InlineData("😀")]
    [InlineData("！？")]
    public void Tokenize_ReturnsNoTokens_WhenNormalizedTextIsEmpty(string text) =>
        Assert.Empty(Analyzer.Tokenize(text));

    [Fact]
    public void Tokenize_KeepsEveryBigram_WhenRunIsLongerThanTheStackLimit()
    {
        var run = string.Concat(Enumerable.Repeat("暖气不热", 75)); // 300 characters in one run
        var tokens = Analyzer.Tokenize(run);

        // 300 unigrams, 299 bigrams, and 供暖 after each of the 75 暖气.
        Assert.Equal(300 + 299 + 75, tokens.Count);
        Assert.Equal(75, tokens.Count(t => t == "供暖"));
        Assert.Equal(74, tokens.Count(t => t == "热暖")); // the bigram across each repeat
    }

    [Fact]
    public void Tokenize_RemovesFiller_WhenRunIsLongerThanTheStackLimit()
    {
        var body = string.Concat(Enumerable.Repeat("暖气不热", 75));

        Assert.Equal(Analyzer.Tokenize(body), Analyzer.Tokenize("请问" + body + "谢谢"));
    }

    [Fact]
    public void Tokenize_GivesSameTokens_WhenTextIsTraditionalOrFullWidth() =>
        Assert.Equal(Analyzer.Tokenize("请问暖气费怎么交？3号楼"), Analyzer.Tokenize("請問暖氣費怎麼交？３號樓"));

    [Fact]
    public void IndexDocumentFrom_UsesTheQueryTokens_WhenEntryHasTheSameText()
    {
        var entry = EntryBuilder.Entry("heating-03")
            .WithTitle("暖氣費怎麼交？")
            .WithQuestions("请问供暖费多少钱", "3号楼漏水")
            .WithAnswer("到供热单位缴费。")
            .WithTags("供暖费", "缴费")
            .Build();
        var categories = new FaqCategoryCatalog([new FaqCategory { Id = "heating", Name = "供热采暖" }]);

        var document = IndexDocument.From(entry, Analyzer, categories);

        Assert.Equal(string.Join(' ', Analyzer.Tokenize("暖气费怎么交")), document.Title);
        Assert.Equal(
            string.Join(' ', Analyzer.Tokenize("请问供暖费多少钱")) + IndexDocument.QuestionSeparator + string.Join(' ', Analyzer.Tokenize("3号楼漏水")),
            document.Questions);
        Assert.Equal(string.Join(' ', Analyzer.Tokenize("到供热单位缴费", TermGranularity.NoCharacters)), document.Answer);
        Assert.Equal(string.Join(' ', Analyzer.Tokenize("供暖费").Concat(Analyzer.Tokenize("缴费"))), document.Tags);
        Assert.Equal(string.Join(' ', Analyzer.Tokenize("供热采暖")), document.Category);
        Assert.DoesNotContain("|", document.DistinctTerms);
        Assert.Superset(Analyzer.Tokenize("暖气费怎么交").ToHashSet(), document.DistinctTerms);
    }

    [Fact]
    public void Fingerprint_Changes_WhenLexiconWordsChange()
    {
        var words = new[] { "供暖费", "居住证" };
        var synonyms = new IReadOnlyList<string>[] { ["供暖", "暖气"] };
        var original = TestAnalyzers.Create(words, synonyms);

        Assert.Equal(original.Fingerprint, TestAnalyzers.Create(words.Reverse(), synonyms).Fingerprint); // order of words is irrelevant
        Assert.Equal(original.Fingerprint, new ChineseAnalyzer(original.Lexicon.WithWords(["居住证"]), TestAnalyzers.Normalizer).Fingerprint);
        Assert.NotEqual(original.Fingerprint, TestAnalyzers.Create([.. words, "物业费"], synonyms).Fingerprint);
        Assert.NotEqual(original.Fingerprint, new ChineseAnalyzer(original.Lexicon.WithWords(["物业费"]), TestAnalyzers.Normalizer).Fingerprint);
        Assert.NotEqual(original.Fingerprint, TestAnalyzers.Create(words, [["供暖", "暖气", "供热"]]).Fingerprint);
        Assert.NotEqual(original.Fingerprint, TestAnalyzers.Create(words).Fingerprint);
    }

    [Fact]
    public async Task Fingerprint_IsStable_WhenSameFilesAreLoadedTwice()
    {
        _directory.WriteText(LexiconFiles.LexiconFileName, "供暖费\n居住证 120\n");
        _directory.WriteText(LexiconFiles.SynonymsFileName, "供暖,暖气,供热\n");

        var first = await LexiconFiles.LoadAsync(_directory.Path, TestAnalyzers.Normalizer, CancellationToken.None);
        var second = await LexiconFiles.LoadAsync(_directory.Path, TestAnalyzers.Normalizer, CancellationToken.None);

        Assert.Equal(first.Fingerprint, second.Fingerprint);
        Assert.Equal(
            new ChineseAnalyzer(first, TestAnalyzers.Normalizer).Fingerprint,
            new ChineseAnalyzer(second, TestAnalyzers.Normalizer).Fingerprint);

        _directory.WriteText(LexiconFiles.LexiconFileName, "供暖费\n居住证 120\n物业费\n");
        var changed = await LexiconFiles.LoadAsync(_directory.Path, TestAnalyzers.Normalizer, CancellationToken.None);
        Assert.NotEqual(first.Fingerprint, changed.Fingerprint);
    }

    [Fact]
    public async Task LoadAsync_ParsesCommentsFrequenciesAndSeparators_WhenFilesUseEveryForm()
    {
        _directory.WriteText(LexiconFiles.LexiconFileName, "# domain words\n供暖費 100\n  物业费\t5 # trailing comment\n单\n\n居住证\n");
        _directory.WriteText(LexiconFiles.SynonymsFileName, "# groups\n暖氣,供暖，供热、采暖 # comment\n单独\n物业费;物业管理费\n");

        var lexicon = await LexiconFiles.LoadAsync(_directory.Path, TestAnalyzers.Normalizer, CancellationToken.None);
        var analyzer = new ChineseAnalyzer(lexicon, TestAnalyzers.Normalizer);

        Assert.Equal(
            ["供暖", "供暖费", "供热", "居住证", "暖气", "物业管理费", "物业费", "采暖"],
            lexicon.Words.Order(StringComparer.Ordinal));
        Assert.Equal(["采", "暖", "采暖", "暖气"], analyzer.Tokenize("采暖")); // first term of the group is canonical
        // 物业管理费 is followed by its canonical 物业费, then the bigrams from the next start.
        Assert.Equal(["物", "业", "管", "理", "费", "物业", "物业管理费", "物业费", "业管", "管理", "理费"], analyzer.Tokenize("物业管理费"));
    }

    [Fact]
    public async Task LoadAsync_ReturnsEmptyLexicon_WhenFilesAreMissing()
    {
        var lexicon = await LexiconFiles.LoadAsync(_directory.Path, TestAnalyzers.Normalizer, CancellationToken.None);

        Assert.Equal(0, lexicon.Count);
        Assert.Equal(Lexicon.Empty.Fingerprint, lexicon.Fingerprint);
    }

    [Fact]
    public async Task LoadAsync_LoadsTheSeedLexicon_WhenReadingTheRepositoryKnowledgeBase()
    {
        var lexicon = await LexiconFiles.LoadAsync(RepositoryPaths.KnowledgeBase, TestAnalyzers.Normalizer, CancellationToken.None);

        Assert.True(lexicon.Count > 400, string.Create(CultureInfo.InvariantCulture, $"expected more than 400 words, got {lexicon.Count}"));
        Assert.Contains("暖气", lexicon.Words);
        Assert.Contains("居住证", lexicon.Words);
        Assert.DoesNotContain("请问", lexicon.Words); // filler is never a domain word
        Assert.Contains("供暖", new ChineseAnalyzer(lexicon, TestAnalyzers.Normalizer).Tokenize("暖气"));
    }

    [Fact]
    public void CharacterMaps_ProvideIcuTables_WhenIcuIsInstalled()
    {
        var maps = CjkCharacterMaps.Instance;

        Assert.True(maps.HasTraditionalToSimplified);
        Assert.True(maps.HasPinyin);
        Assert.Equal("nuan", maps.Pinyin('暖'));
        Assert.Equal("gong", maps.Pinyin('供'));
        Assert.Equal(maps.Pinyin('供'), maps.Pinyin('共')); // the homophone that pinyin typing produces
        Assert.Equal('气', maps.ToSimplified('氣'));
        Assert.Equal('a', maps.ToSimplified('a'));
        Assert.Null(maps.Pinyin('a'));
    }
}
