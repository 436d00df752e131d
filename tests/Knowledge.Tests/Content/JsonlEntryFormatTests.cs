using CitizenBot.Knowledge.Content;

namespace CitizenBot.Knowledge.Tests.Content;

public sealed class JsonlEntryFormatTests
{
    private static ContentLoadResult Parse(params string[] lines) =>
        JsonlEntryFormat.Parse(new StringReader(string.Join('\n', lines)), "bulk.jsonl");

    [Fact]
    public void Write_RoundTripsThroughParse_WhenEntriesAreValid()
    {
        KnowledgeEntry[] entries =
        [
            SampleEntries.Heating(),
            SampleEntries.FullWidth(),
            SampleEntries.Heating("heating-03") with { Questions = [], Tags = [], Department = null, Source = null, Updated = null },
        ];

        var result = Parse([.. entries.Select(JsonlEntryFormat.Write)]);

        Assert.Empty(result.Errors);
        Assert.Equal(entries, result.Entries);
    }

    [Fact]
    public void Write_ReturnsOneLineWithUnescapedChinese_WhenTextHasLineBreaksAndHan()
    {
        var line = JsonlEntryFormat.Write(SampleEntries.FullWidth());

        Assert.DoesNotContain('\n', line);
        Assert.Contains("\"title\":\"暖氣不熱怎麼辦？\"", line, StringComparison.Ordinal);
        Assert.Contains("１２３４５", line, StringComparison.Ordinal);
        Assert.StartsWith("{\"id\":\"heating-02\",\"category\":\"heating\",", line, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_KeepsTraditionalAndFullWidthText_WhenReading()
    {
        var line = """{"id":"heating-02","category":"heating","title":"暖氣不熱怎麼辦？","questions":["ＡＢＣ小區　供熱不達標"],"answer":"　　請撥打１２３４５熱線","tags":["暖氣"]}""";

        var entry = Assert.Single(Parse(line).Entries);

        Assert.Equal("暖氣不熱怎麼辦？", entry.Title);
        Assert.Equal(["ＡＢＣ小區　供熱不達標"], entry.Questions);
        Assert.Equal("　　請撥打１２３４５熱線", entry.Answer);
        Assert.Equal(EntryStatus.Published, entry.Status);
    }

    [Fact]
    public void Parse_ReportsDuplicateNamingFirstLine_WhenTwoLinesShareAnId()
    {
        var line = JsonlEntryFormat.Write(SampleEntries.Heating());

        var result = Parse(line, "", line);

        Assert.Single(result.Entries);
        Assert.Equal(
            new ContentError("bulk.jsonl", 3, "duplicate id 'heating-01', first defined at bulk.jsonl:1"),
            Assert.Single(result.Errors));
    }

    [Theory]
    [InlineData("[1, 2]", "the line is a JSON array, not an object")]
    [InlineData("\"text\"", "the line is a JSON string, not an object")]
    [InlineData("42", "the line is a JSON number, not an object")]
    public void Parse_ReportsLineNumber_WhenLineIsNotAnObject(string json, string expectedMessage)
    {
        var valid = JsonlEntryFormat.Write(SampleEntries.Heating());

        var result = Parse(valid, "   ", json);

        Assert.Single(result.Entries);
        Assert.Equal(new ContentError("bulk.jsonl", 3, expectedMessage), Assert.Single(result.Errors));
    }

    [Fact]
    public void Parse_ReportsLineNumber_WhenLineIsInvalidJson()
    {
        var result = Parse("", "{\"id\": \"a-01\",", "{not json}");

        Assert.Equal([2, 3], result.Errors.Select(e => e.Line));
        Assert.All(result.Errors, e => Assert.StartsWith("invalid JSON", e.Message, StringComparison.Ordinal));
    }

    [Fact]
    public void Parse_ReportsEveryFieldError_WhenLineHasSeveral()
    {
        var result = Parse("""{"id":"Bad Id","category":"heating","title":"","questions":"一个","answer":"答","tags":[1],"updated":"2026/10/20","status":"gone"}""");

        Assert.Empty(result.Entries);
        Assert.All(result.Errors, e => Assert.Equal(1, e.Line));
        var messages = string.Join("\n", result.Errors.Select(e => e.Message));
        Assert.Contains("id 'Bad Id' must be", messages, StringComparison.Ordinal);
        Assert.Contains("'title' is missing or blank", messages, StringComparison.Ordinal);
        Assert.Contains("'questions' must be a list of strings", messages, StringComparison.Ordinal);
        Assert.Contains("'tags' must be a list of non-empty strings", messages, StringComparison.Ordinal);
        Assert.Contains("updated '2026/10/20' is not a date", messages, StringComparison.Ordinal);
        Assert.Contains("unknown status 'gone'", messages, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_ReportsMissingRequiredFields_WhenObjectIsEmpty()
    {
        var result = Parse("{}");

        Assert.Equal(
            ["'id' is missing or blank", "'title' is missing or blank", "'answer' is missing or blank", "'category' is missing or blank"],
            result.Errors.Select(e => e.Message));
    }
}
