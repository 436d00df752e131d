using System.Globalization;
using System.Text;
using CitizenBot.Knowledge.Content;
using CitizenBot.Knowledge.Retrieval;
using CitizenBot.Knowledge.Tests.Infrastructure;

namespace CitizenBot.Knowledge.Tests.Retrieval;

/// <summary>The retriever on the repository's seed knowledge base, indexed once for the class.</summary>
public sealed class RetrieverTests(SeedKnowledgeBaseFixture seed) : IClassFixture<SeedKnowledgeBaseFixture>
{
    private Retriever Retriever => seed.Retriever;

    private RetrievalOptions Options => seed.Retriever.Options;

    [Theory]
    [InlineData("暖气不热怎么办", "heating-01")]
    [InlineData("家里暖气不热怎么报修", "heating-01")]
    [InlineData("@百事通 屋里太冷了 暖气片冰凉 找谁修[捂脸]", "heating-01")]
    [InlineData("办居住证要带哪些材料", "residence-permit-02")]
    [InlineData("供暖费怎么交", "heating-03")]
    [InlineData("暖气漏水了怎么办", "heating-05")]
    public void Search_AnswersWithTheRightEntry_WhenQuestionIsClear(string text, string expected)
    {
        var result = Retriever.Search(text);

        Assert.Equal(SearchDecision.Answer, result.Decision);
        Assert.Equal(expected, result.Answer?.EntryId);
        Assert.True(result.Confidence >= Options.AnswerThreshold);
        Assert.Empty(result.Choices);
    }

    [Theory]
    [InlineData("居住证要带什么材料", "residence-permit-02")]
    [InlineData("租房的办居住证要租房合同吗", "residence-permit-02")]
    [InlineData("暖气什么时候停", "heating-02")]
    public void Search_RanksTheRightEntryFirst_WhenQuestionIsPhrasedDifferently(string text, string expected)
    {
        var result = Retriever.Search(text);

        Assert.Equal(expected, result.Hits[0].EntryId);
        Assert.NotEqual(SearchDecision.Abstain, result.Decision);
    }

    [Theory]
    [InlineData("暖氣不熱怎麼辦", "暖气不热怎么办")]
    [InlineData("居住證要帶什麼材料", "居住证要带什么材料")]
    [InlineData("物業費怎麼交？", "物业费怎么交？")]
    [InlineData("ＷＩＦＩ密碼", "wifi密码")]
    public void Search_ReturnsTheSameResult_WhenInputIsTraditionalOrFullWidth(string traditional, string simplified)
    {
        var expected = Retriever.Search(simplified);
        var actual = Retriever.Search(traditional);

        Assert.Equal(expected.Decision, actual.Decision);
        Assert.Equal(expected.Confidence, actual.Confidence);
        Assert.Equal(expected.Hits, actual.Hits);
        Assert.Equal(expected.Choices, actual.Choices);
    }

    [Theory]
    [InlineData("\" * ( ) NEAR OR - AND NOT ^ : {}")]
    [InlineData("'; DROP TABLE entries; --")]
    [InlineData("\"")]
    [InlineData("NEAR(暖气 不热, 2)")]
    [InlineData("暖气\" OR * 不热")]
    [InlineData("title:暖气 AND {questions}:不热")]
    [InlineData("^暖气 -不热 +居住证")]
    [InlineData("\\u0000\0暖气")]
    public void Search_NeverThrowsAndReturnsAValidDecision_WhenTextHasQuerySyntax(string text)
    {
        var result = Retriever.Search(text);

        AssertWellFormed(result, k: 5);
    }

    [Fact]
    public void Search_StillFindsTheEntry_WhenSyntaxSurroundsTheWords()
    {
        Assert.Equal("heating-01", Retriever.Search("暖气\" OR * 不热 (怎么办)").Hits[0].EntryId);
        Assert.Equal(seed.Entries.Count(e => e.Status == EntryStatus.Published), seed.Index.Count); // nothing was dropped
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\t\n")]
    public void ValidateAndSearch_RefuseTheText_WhenTextIsEmptyOrWhitespace(string text)
    {
        Assert.False(string.IsNullOrWhiteSpace(Retriever.Validate(text)));
        Assert.Throws<ArgumentException>("text", () => Retriever.Search(text));
    }

    [Fact]
    public void Validate_ReturnsMessage_WhenTextIsNull() =>
        Assert.False(string.IsNullOrWhiteSpace(Retriever.Validate(null)));

    [Fact]
    public void ValidateAndSearch_RefuseTheText_WhenTextIsLongerThanMaxQueryLength()
    {
        var text = LongQuestion(Options.MaxQueryLength + 1);

        Assert.Contains(Options.MaxQueryLength.ToString(CultureInfo.InvariantCulture), Retriever.Validate(text), StringComparison.Ordinal);
        Assert.Throws<ArgumentException>("text", () => Retriever.Search(text));
    }

    [Fact]
    public void Search_ReturnsAValidDecision_WhenTextIsExactlyMaxQueryLength()
    {
        var text = LongQuestion(Options.MaxQueryLength); // hundreds of distinct terms: the scorer's heap path

        Assert.Null(Retriever.Validate(text));
        AssertWellFormed(Retriever.Search(text), k: 5);
    }

    [Theory]
    [InlineData("你好")]
    [InlineData("谢谢")]
    [InlineData("你好啊")]
    [InlineData("好的谢谢")]
    [InlineData("在吗")]
    [InlineData("😀😀")]
    public void Search_Abstains_WhenMessageIsChitChat(string text)
    {
        var result = Retriever.Search(text);

        Assert.Equal(SearchDecision.Abstain, result.Decision);
        Assert.True(result.Confidence < Options.ClarifyThreshold);
    }

    [Theory]
    [InlineData("护照在哪办")]
    [InlineData("驾照到期了换证去哪儿")]
    [InlineData("明天天气怎么样")]
    public void Search_DoesNotAnswer_WhenQuestionIsOutOfScope(string text)
    {
        var result = Retriever.Search(text);

        Assert.NotEqual(SearchDecision.Answer, result.Decision);
        Assert.True(result.Confidence < Options.AnswerThreshold);
    }

    [Fact]
    public void Search_Abstains_WhenAskingForAPassport() =>
        Assert.Equal(SearchDecision.Abstain, Retriever.Search("护照在哪办").Decision);

    [Theory]
    [InlineData("暖气不热怎么办")]
    [InlineData("居住证")]
    [InlineData("物业")]
    [InlineData("电费怎么在手机上交啊 教教我")]
    [InlineData("小区里停车收费合理吗")]
    [InlineData("护照在哪办")]
    public void Search_ReturnsConfidencesInRangeAndHitsByScore_WhenThereAreHits(string text)
    {
        var result = Retriever.Search(text, k: 10);

        Assert.NotEmpty(result.Hits);
        AssertWellFormed(result, k: 10);
        Assert.Equal(result.Hits[0].Confidence, result.Confidence);
        Assert.All(result.Hits.Skip(1), h => Assert.True(h.Confidence <= result.Confidence));
    }

    [Theory]
    [InlineData("电费怎么在手机上交啊 教教我", "utilities-04")]
    public void Search_OffersTwoOrThreeChoices_WhenTopHitsAreClose(string text, string expected)
    {
        var result = Retriever.Search(text);

        Assert.Equal(SearchDecision.Clarify, result.Decision);
        Assert.InRange(result.Choices.Count, 2, 3);
        Assert.Equal(result.Hits[0], result.Choices[0]);
        Assert.Contains(result.Choices, c => c.EntryId == expected);
        Assert.Equal(result.Choices.Count, result.Choices.Select(c => c.EntryId).Distinct().Count());
        Assert.True(result.ChoicesConfidence >= Options.ClarifyThreshold && result.Confidence < Options.AnswerThreshold);
        Assert.Null(result.Answer);
    }

    [Theory]
    [InlineData("共暖费怎么交", "heating-03")] // 共暖 for 供暖
    [InlineData("暖气费怎么交", "heating-03")]
    public void Search_FindsTheEntryInTopThree_WhenPinyinTypingPickedAHomophone(string text, string expected)
    {
        var result = Retriever.Search(text);

        Assert.Contains(expected, result.Hits.Take(3).Select(h => h.EntryId));
    }

    [Fact]
    public void BuildQuery_AddsTheKnownHomophone_WhenAWindowIsUnseen()
    {
        var query = Retriever.BuildQuery("共暖费怎么交");

        Assert.Contains("供暖", query.Terms);
        Assert.Contains("\"供暖\"", query.MatchExpression, StringComparison.Ordinal);
        Assert.DoesNotContain("供暖", Retriever.BuildQuery("物业费怎么交").Terms);
    }

    [Fact]
    public void BuildQuery_AddsNoHomophone_WhenCorrectionIsTurnedOff()
    {
        var retriever = new Retriever(seed.Index, new RetrievalOptions { CorrectionWeight = 0 });

        Assert.DoesNotContain("供暖", retriever.BuildQuery("共暖费怎么交").Terms);
    }

    [Fact]
    public void BuildQuery_UsesTheIndexTokens_WhenTextIsTheSame()
    {
        const string Text = "请问暖气费怎么交 3号楼";

        var query = Retriever.BuildQuery(Text);

        Assert.Equal(seed.Index.Analyzer.Tokenize(Text).Distinct(StringComparer.Ordinal), query.Terms);
        Assert.All(query.Weights, w => Assert.True(w > 0));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(5)]
    [InlineData(10)]
    [InlineData(25)]
    public void Search_ReturnsAtMostKHits_WhenKIsGiven(int k)
    {
        var all = Retriever.Search("暖气", 100); // every entry the full-text stage finds (18 on the seed)
        var result = Retriever.Search("暖气", k);

        Assert.InRange(all.Hits.Count, 11, 99);
        Assert.Equal(Math.Min(k, all.Hits.Count), result.Hits.Count);
        AssertWellFormed(result, k);
        Assert.Equal(all.Hits.Take(k), result.Hits);
        Assert.Equal(all.Decision, result.Decision);
    }

    [Fact]
    public void Search_OffersChoicesBeyondK_WhenKIsOneAndDecisionIsClarify()
    {
        var result = Retriever.Search("电费怎么在手机上交啊 教教我", k: 1);

        Assert.Single(result.Hits);
        Assert.Equal(SearchDecision.Clarify, result.Decision);
        Assert.InRange(result.Choices.Count, 2, 3);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void Search_Throws_WhenKIsLessThanOne(int k) =>
        Assert.Throws<ArgumentOutOfRangeException>("k", () => Retriever.Search("暖气", k));

    private static void AssertWellFormed(SearchResult result, int k)
    {
        Assert.True(Enum.IsDefined(result.Decision));
        Assert.InRange(result.Confidence, 0.0, 1.0);
        Assert.InRange(result.Hits.Count, 0, k);
        Assert.All(result.Hits, h =>
        {
            Assert.InRange(h.Confidence, 0.0, 1.0);
            Assert.InRange(h.Score, 0.0, 1.0);
            Assert.True(h.Evidence >= 0);
        });
        for (var i = 1; i < result.Hits.Count; i++)
        {
            Assert.True(result.Hits[i - 1].Score >= result.Hits[i].Score, "hits are sorted by score, best first");
        }

        Assert.Equal(result.Hits.Count, result.Hits.Select(h => h.EntryId).Distinct().Count());
        switch (result.Decision)
        {
            case SearchDecision.Answer:
                Assert.Equal(result.Hits[0], result.Answer);
                Assert.Empty(result.Choices);
                break;
            case SearchDecision.Clarify:
                Assert.InRange(result.Choices.Count, 2, 3);
                break;
            default:
                Assert.Null(result.Answer);
                Assert.Empty(result.Choices);
                break;
        }
    }

    /// <summary>Titles of seed entries run together up to <paramref name="length"/> characters.</summary>
    private string LongQuestion(int length)
    {
        var sb = new StringBuilder();
        foreach (var entry in seed.Entries.Cycle())
        {
            sb.Append(entry.Title);
            if (sb.Length >= length)
            {
                break;
            }
        }

        return sb.ToString(0, length);
    }
}

file static class CycleExtensions
{
    public static IEnumerable<T> Cycle<T>(this IReadOnlyList<T> items)
    {
        while (items.Count > 0)
        {
            foreach (var item in items)
            {
                yield return item;
            }
        }
    }
}
