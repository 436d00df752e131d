using System.Globalization;
using System.Text;
using CitizenBot.Knowledge.Analysis;
using CitizenBot.Knowledge.Tests.Infrastructure;

namespace CitizenBot.Knowledge.Tests.Analysis;

public sealed class TextNormalizerTests
{
    private readonly TextNormalizer _normalizer = TestAnalyzers.Normalizer;

    [Theory]
    [InlineData("暖气\uD83D不热", "暖气 不热")]   // a high surrogate with nothing after it: half an emoji
    [InlineData("\uDE00暖气不热", "暖气不热")]
    [InlineData("暖气不热\uD83D", "暖气不热")]
    [InlineData("暖气😀不热", "暖气 不热")]          // a whole emoji is still just removed
    public void Normalize_TreatsBrokenSurrogatesAsSpaces_WhenHalfAnEmojiArrives(string text, string expected) =>
        Assert.Equal(expected, _normalizer.Normalize(text));

    [Theory]
    [InlineData("ＡＢＣ１２３", "abc123")] // full-width → half-width, then case fold
    [InlineData("ＷｉＦｉ密码", "wifi密码")]
    [InlineData("Hello WORLD 42", "hello world 42")]
    [InlineData("12345热线", "12345热线")]
    [InlineData("3号楼2单元", "3号楼2单元")]
    public void Normalize_FoldsWidthAndAsciiCase_WhenTextHasLatinLettersOrDigits(string text, string expected) =>
        Assert.Equal(expected, _normalizer.Normalize(text));

    [Fact]
    public void Normalize_ReadsEveryFullWidthFormAsItsAsciiCharacter_WithoutAskingIcu()
    {
        // Text made of Han, ASCII and full-width forms is mapped here rather than by ICU's NFKC: the two must agree,
        // including where the ASCII character means something (@ mentions, [sticker] brackets, letters, digits).
        for (var c = '\uFF01'; c <= '\uFF5E'; c++)
        {
            var ascii = (char)(c - 0xFEE0);
            foreach (var template in new[] { "暖气{0}不热", "{0}百事通 暖气", "[捂脸{0}暖气", "{0}{0}号楼" })
            {
                var fullWidth = string.Format(CultureInfo.InvariantCulture, template, c);
                Assert.Equal(
                    _normalizer.Normalize(string.Format(CultureInfo.InvariantCulture, template, ascii)),
                    _normalizer.Normalize(fullWidth));
                Assert.Equal(ascii.ToString().Normalize(NormalizationForm.FormKC), c.ToString().Normalize(NormalizationForm.FormKC));
            }
        }
    }

    [Theory]
    [InlineData("①号楼漏水", "1号楼漏水")] // circled digits are not in the mapped set: ICU's NFKC reads them
    [InlineData("３℃暖气", "3 c暖气")]
    [InlineData("ｶﾞｽ费", "费")] // half-width katakana compose under NFKC and are then dropped as non-Han
    public void Normalize_AppliesIcuNfkc_WhenTextHasOtherCompatibilityCharacters(string text, string expected) =>
        Assert.Equal(expected, _normalizer.Normalize(text));

    [Theory]
    [InlineData("暖氣不熱怎麼辦", "暖气不热怎么办")]
    [InlineData("居住證要帶什麼材料", "居住证要带什么材料")]
    [InlineData("物業費", "物业费")]
    [InlineData("暖气不热怎么办", "暖气不热怎么办")] // simplified passes unchanged
    public void Normalize_ConvertsToSimplified_WhenTextIsTraditional(string text, string expected)
    {
        Assert.True(_normalizer.ConvertsTraditional, "ICU's Traditional-Simplified transform should be available on this machine.");
        Assert.Equal(expected, _normalizer.Normalize(text));
    }

    [Theory]
    [InlineData("@百事通暖气不热", "暖气不热")] // the bot's own name, no following space
    [InlineData("@百事通 暖气不热", "暖气不热")]
    [InlineData("＠百事通暖气不热", "暖气不热")] // full-width @
    [InlineData("@张三 暖气不热", "暖气不热")] // any other name runs to the next space
    [InlineData("@张三\u2005暖气不热", "暖气不热")] // WeChat puts a four-per-em space after a mention
    [InlineData("@zhang_san暖气不热", "暖气不热")] // an ASCII handle ends where the Han text starts
    [InlineData("暖气不热 @百事通", "暖气不热")]
    [InlineData("@张三 @李四 暖气不热", "暖气不热")]
    public void Normalize_StripsMention_WhenTextMentionsSomeone(string text, string expected) =>
        Assert.Equal(expected, _normalizer.Normalize(text));

    [Theory]
    [InlineData("暖气不热😭😭", "暖气不热")]
    [InlineData("暖气😀不热", "暖气 不热")]
    [InlineData("暖气不热[捂脸]", "暖气不热")]
    [InlineData("[OK]暖气不热", "暖气不热")]
    [InlineData("暖气[捂脸]不热[OK]", "暖气 不热")]
    [InlineData("谢谢❤️👍", "谢谢")]
    [InlineData("[1]暖气", "1 暖气")] // digits are not a sticker: only the brackets go
    [InlineData("[暖气不热怎么办]", "暖气不热怎么办")] // longer than any sticker: only the brackets go
    public void Normalize_RemovesEmojiAndStickers_WhenTextHasDecoration(string text, string expected) =>
        Assert.Equal(expected, _normalizer.Normalize(text));

    [Theory]
    [InlineData("暖气，不热！！怎么办？？", "暖气 不热 怎么办")]
    [InlineData("。。暖气……不热。。", "暖气 不热")] // no leading or trailing space
    [InlineData("暖气　　不热", "暖气 不热")] // ideographic spaces
    [InlineData("暖气\t\n不热", "暖气 不热")]
    [InlineData("“暖气”《条例》-不热", "暖气 条例 不热")]
    public void Normalize_TurnsPunctuationIntoSingleSpaces_WhenTextHasPunctuation(string text, string expected) =>
        Assert.Equal(expected, _normalizer.Normalize(text));

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("😀😀😀")]
    [InlineData("[捂脸][OK]👍")]
    [InlineData("？？！！……")]
    [InlineData("@百事通")]
    public void Normalize_ReturnsEmpty_WhenNothingMeaningfulIsLeft(string text) =>
        Assert.Equal(string.Empty, _normalizer.Normalize(text));

    [Fact]
    public void Normalize_Throws_WhenTextIsNull() =>
        Assert.Throws<ArgumentNullException>(() => _normalizer.Normalize(null!));
}
