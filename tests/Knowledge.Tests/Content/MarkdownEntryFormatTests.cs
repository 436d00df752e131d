using CitizenBot.Knowledge.Content;

namespace CitizenBot.Knowledge.Tests.Content;

public sealed class MarkdownEntryFormatTests
{
    [Fact]
    public void Parse_ReturnsEntry_WhenFileFollowsSpecExample()
    {
        var result = MarkdownEntryFormat.Parse(SampleEntries.HeatingMarkdown, "faq/heating/heating-01.md");

        Assert.Empty(result.Errors);
        var entry = Assert.Single(result.Entries);
        Assert.Equal("heating-01", entry.Id);
        Assert.Equal("家里暖气不热怎么报修？", entry.Title);
        Assert.Equal(["暖气温度不达标找谁", "室温不够18度怎么办", "暖气片冰凉没人管"], entry.Questions);
        Assert.Equal("heating", entry.Category);
        Assert.Equal(["暖气", "室温", "报修", "供热单位"], entry.Tags);
        Assert.Equal("红桥区供热管理办公室", entry.Department);
        Assert.Equal("《天津市供热用热条例》", entry.Source);
        Assert.Equal(new DateOnly(2026, 10, 20), entry.Updated);
        Assert.Equal(EntryStatus.Published, entry.Status);
        Assert.StartsWith("供热期内卧室", entry.Answer, StringComparison.Ordinal);
        Assert.EndsWith("室温情况。", entry.Answer, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_RoundTripsThroughParse_WhenEntryIsValid()
    {
        var entry = SampleEntries.Heating();

        var text = MarkdownEntryFormat.Write(entry);
        var result = MarkdownEntryFormat.Parse(text, "heating-01.md");

        Assert.Empty(result.Errors);
        Assert.Equal(entry, Assert.Single(result.Entries));
        Assert.StartsWith("---\nid: heating-01\ntitle: 家里暖气不热怎么报修？\nquestions:\n  - 暖气温度不达标找谁\n", text, StringComparison.Ordinal);
        Assert.Contains("\ntags: [暖气, 室温, 报修]\n", text, StringComparison.Ordinal);
        Assert.DoesNotContain('\r', text);
    }

    [Theory]
    [InlineData("标题: 带冒号")]
    [InlineData("[方括号开头")]
    [InlineData("#井号开头")]
    [InlineData("- 横线开头")]
    [InlineData("含 #注释 的文字")]
    [InlineData("\"引号\"和'单引号'")]
    [InlineData("null")]
    [InlineData("~")]
    [InlineData("12345")]
    [InlineData("2026-10-20")]
    [InlineData("结尾冒号:")]
    [InlineData("反斜杠\\和制表\t符")]
    [InlineData("　全角空格开头")]
    [InlineData("逗号,和{花括号}")]
    [InlineData("---")]
    [InlineData("emoji 🔥 表情")]
    public void Write_RoundTripsThroughParse_WhenTextNeedsQuoting(string text)
    {
        var entry = SampleEntries.Heating() with
        {
            Title = text + "？",
            Questions = [text],
            Tags = [text, "暖气"],
            Department = text,
            Source = text,
        };

        var result = MarkdownEntryFormat.Parse(MarkdownEntryFormat.Write(entry), "heating-01.md");

        Assert.Empty(result.Errors);
        Assert.Equal(entry, Assert.Single(result.Entries));
    }

    [Fact]
    public void Write_RoundTripsThroughParse_WhenListsAndOptionalFieldsAreEmpty()
    {
        var entry = SampleEntries.Heating() with
        {
            Questions = [],
            Tags = [],
            Department = null,
            Source = null,
            Updated = null,
            Status = EntryStatus.Draft,
        };

        var result = MarkdownEntryFormat.Parse(MarkdownEntryFormat.Write(entry), "heating-01.md");

        Assert.Empty(result.Errors);
        Assert.Equal(entry, Assert.Single(result.Entries));
    }

    [Fact]
    public void Parse_KeepsTraditionalAndFullWidthText_WhenRoundTripping()
    {
        var entry = SampleEntries.FullWidth();

        var result = MarkdownEntryFormat.Parse(MarkdownEntryFormat.Write(entry), "heating-02.md");

        Assert.Empty(result.Errors);
        var parsed = Assert.Single(result.Entries);
        Assert.Equal(entry, parsed);
        Assert.Equal("暖氣不熱怎麼辦？", parsed.Title);
        Assert.Equal("ＡＢＣ小區　供熱不達標", parsed.Questions[1]);
        Assert.StartsWith("　　請撥打１２３４５熱線", parsed.Answer, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_ReportsMissingTitleAtLineOne_WhenTitleKeyIsAbsent()
    {
        var result = MarkdownEntryFormat.Parse("---\nid: a-01\ncategory: heating\n---\n答案\n", "a-01.md");

        Assert.Empty(result.Entries);
        var error = Assert.Single(result.Errors);
        Assert.Equal(new ContentError("a-01.md", 1, "'title' is missing or blank"), error);
    }

    [Fact]
    public void Parse_ReportsEmptyAnswerAtClosingLine_WhenBodyIsBlank()
    {
        var result = MarkdownEntryFormat.Parse("---\nid: a-01\ntitle: 问？\ncategory: heating\n---\n\n  \n", "a-01.md");

        Assert.Empty(result.Entries);
        Assert.Equal(new ContentError("a-01.md", 5, "answer is empty"), Assert.Single(result.Errors));
    }

    [Fact]
    public void Parse_ReportsYamlErrorAtFileLine_WhenFrontMatterIsInvalid()
    {
        // Line 4 of the file is YAML line 3: a second colon makes the plain value an invalid mapping.
        var result = MarkdownEntryFormat.Parse("---\nid: a-01\ntitle: 问？\ncategory: heating: x\n---\n答案\n", "a-01.md");

        Assert.Empty(result.Entries);
        var error = Assert.Single(result.Errors);
        Assert.Equal(4, error.Line);
        Assert.StartsWith("invalid YAML in front matter", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_ReportsYamlErrorAtClosingLine_WhenFlowListIsLeftOpen()
    {
        var result = MarkdownEntryFormat.Parse("---\nid: a-01\ntags: [暖气, 室温\n---\n答案\n", "a-01.md");

        var error = Assert.Single(result.Errors);
        Assert.Equal(4, error.Line);
        Assert.StartsWith("invalid YAML in front matter", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_ReportsMismatchAtIdLine_WhenIdDiffersFromFileName()
    {
        var result = MarkdownEntryFormat.Parse(SampleEntries.HeatingMarkdown, "faq/heating/heating-02.md");

        Assert.Empty(result.Entries);
        Assert.Equal(
            new ContentError("faq/heating/heating-02.md", 2, "id 'heating-01' does not match the file name 'heating-02'"),
            Assert.Single(result.Errors));
    }

    [Fact]
    public void Parse_ReportsMissingFrontMatter_WhenFileDoesNotStartWithDelimiter()
    {
        var result = MarkdownEntryFormat.Parse("# 标题\n\n正文\n", "a-01.md");

        var error = Assert.Single(result.Errors);
        Assert.Equal(1, error.Line);
        Assert.StartsWith("missing front matter", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_ReportsUnclosedFrontMatter_WhenClosingDelimiterIsMissing()
    {
        var result = MarkdownEntryFormat.Parse("---\nid: a-01\ntitle: 问？\n", "a-01.md");

        var error = Assert.Single(result.Errors);
        Assert.Equal(1, error.Line);
        Assert.StartsWith("unclosed front matter", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("id: A-01", 2, "id 'A-01' must be")]
    [InlineData("updated: 2026-13-01", 5, "updated '2026-13-01' is not a date")]
    [InlineData("status: hidden", 5, "unknown status 'hidden'")]
    [InlineData("questions: 只有一个", 5, "'questions' must be a list of strings")]
    [InlineData("tags:\n  - 暖气\n  -\n", 7, "'tags' must be a list of non-empty strings")]
    [InlineData("questions:\n  - [嵌套]\n", 6, "'questions' must be a list of non-empty strings")]
    [InlineData("department: [区人社局]", 5, "'department' must be a single value")]
    [InlineData("category: Heating", 4, "category 'Heating' must be")]
    public void Parse_ReportsErrorAtKeyLine_WhenFieldIsInvalid(string frontMatterLine, int expectedLine, string expectedMessage)
    {
        // Lines 2-4 hold id, title and category; a replacement of one of them, or an extra key, starts at line 5.
        var lines = new List<string> { "id: a-01", "title: 问？", "category: heating" };
        var key = frontMatterLine[..frontMatterLine.IndexOf(':', StringComparison.Ordinal)];
        var replaced = lines.FindIndex(l => l.StartsWith(key + ":", StringComparison.Ordinal));
        if (replaced >= 0)
        {
            lines[replaced] = frontMatterLine;
        }
        else
        {
            lines.Add(frontMatterLine.TrimEnd('\n'));
        }

        var fileName = key == "id" ? "A-01.md" : "a-01.md";
        var result = MarkdownEntryFormat.Parse($"---\n{string.Join('\n', lines)}\n---\n答案\n", fileName);

        Assert.Empty(result.Entries);
        var error = Assert.Single(result.Errors);
        Assert.Equal(expectedLine, error.Line);
        Assert.StartsWith(expectedMessage, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_ReportsLengthErrors_WhenTitleQuestionOrAnswerIsTooLong()
    {
        var text = $"---\nid: a-01\ntitle: {new string('问', 201)}\nquestions:\n  - {new string('问', 201)}\ncategory: heating\n---\n{new string('答', 20_001)}\n";

        var result = MarkdownEntryFormat.Parse(text, "a-01.md");

        Assert.Empty(result.Entries);
        Assert.Equal([3, 5, 7], result.Errors.Select(e => e.Line));
        Assert.All(result.Errors, e => Assert.Contains("characters long", e.Message, StringComparison.Ordinal));
    }

    [Fact]
    public void Parse_AcceptsLimits_WhenLengthsAreExactlyAtTheLimit()
    {
        var text = $"---\nid: a-01\ntitle: {new string('问', 200)}\ncategory: heating\n---\n{new string('答', 20_000)}\n";

        Assert.True(MarkdownEntryFormat.Parse(text, "a-01.md").IsValid);
    }

    [Fact]
    public void Parse_RemovesDuplicateQuestionsAndTitle_WhenQuestionsRepeat()
    {
        var text = "---\nid: a-01\ntitle: 暖气不热？\nquestions:\n  - 暖气凉\n  - 暖气不热？\n  - 屋里冷\n  - 暖气凉\ncategory: heating\n---\n答案\n";

        var entry = Assert.Single(MarkdownEntryFormat.Parse(text, "a-01.md").Entries);

        Assert.Equal(["暖气凉", "屋里冷"], entry.Questions);
    }

    [Fact]
    public void Parse_IgnoresUnknownKeysAndDefaultsToPublished_WhenStatusIsAbsent()
    {
        var text = "---\nid: a-01\ntitle: 问？\ncategory: heating\nauthor: 张三\nextra:\n  nested: true\n---\n答案\n";

        var entry = Assert.Single(MarkdownEntryFormat.Parse(text, "a-01.md").Entries);

        Assert.Equal(EntryStatus.Published, entry.Status);
        Assert.Empty(entry.Questions);
        Assert.Empty(entry.Tags);
        Assert.Null(entry.Department);
        Assert.Null(entry.Updated);
    }

    [Fact]
    public void Parse_ReadsEntry_WhenFileHasCrLfLineEndingsAndBom()
    {
        var text = "\uFEFF" + SampleEntries.HeatingMarkdown.Replace("\n", "\r\n", StringComparison.Ordinal);

        var result = MarkdownEntryFormat.Parse(text, "heating-01.md");

        Assert.Empty(result.Errors);
        var expected = MarkdownEntryFormat.Parse(SampleEntries.HeatingMarkdown, "heating-01.md").Entries[0];
        Assert.Equal(expected, Assert.Single(result.Entries));
    }

    [Fact]
    public void Parse_KeepsDelimiterLinesInBody_WhenAnswerContainsThem()
    {
        var text = "---\nid: a-01\ntitle: 问？\ncategory: heating\n---\n第一段\n\n---\n\n第二段\n";

        var entry = Assert.Single(MarkdownEntryFormat.Parse(text, "a-01.md").Entries);

        Assert.Equal("第一段\n\n---\n\n第二段", entry.Answer);
    }

    [Fact]
    public void RelativePath_ReturnsFaqCategoryIdPath_WhenGivenEntry() =>
        Assert.Equal("faq/heating/heating-01.md", MarkdownEntryFormat.RelativePath(SampleEntries.Heating()));
}
