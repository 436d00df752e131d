using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;

namespace CitizenBot.Knowledge.Mining;

/// <summary>The report's JSON form: camelCase (a topic's <c>message_ids</c> excepted, as the offline contract says).</summary>
public static class MiningReportJson
{
    /// <summary>Chinese is written as is, not as \u escapes, so a worker can read the file.</summary>
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
        WriteIndented = true,
    };

    public static string Serialize(MiningReport report) => JsonSerializer.Serialize(report, Options);
}
