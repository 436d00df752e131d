using CitizenBot.Knowledge.Content;

namespace CitizenBot.Knowledge.Index;

/// <summary>How an entry is stored in the <c>entries.data</c> column: its JSON Lines form.</summary>
internal static class EntryJson
{
    public static string Serialize(KnowledgeEntry entry) => JsonlEntryFormat.Write(entry);

    public static KnowledgeEntry Deserialize(string json)
    {
        using var reader = new StringReader(json);
        var result = JsonlEntryFormat.Parse(reader, "knowledge.db");
        return result.IsValid && result.Entries.Count == 1
            ? result.Entries[0]
            : throw new KnowledgeContentException($"A stored entry could not be read back: {string.Join("; ", result.Errors)}");
    }
}
