using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace CitizenBot.Knowledge.Content;

/// <summary>
/// The bulk format: one JSON object per line with <c>id</c>, <c>category</c>, <c>title</c>, <c>questions</c>,
/// <c>answer</c>, <c>tags</c> and optionally <c>department</c>, <c>source</c>, <c>updated</c> (YYYY-MM-DD) and
/// <c>status</c>. Blank lines are skipped; unknown properties are ignored.
/// </summary>
public static class JsonlEntryFormat
{
    private static readonly JsonWriterOptions WriterOptions = new()
    {
        // Keeps Chinese readable in the file; the output is data, never embedded in HTML.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Indented = false,
    };

    /// <summary>Parses every line, collecting every error (with its line number) and rejecting repeated ids.</summary>
    /// <param name="reader">The JSON Lines text.</param>
    /// <param name="fileName">The name used in errors.</param>
    public static ContentLoadResult Parse(TextReader reader, string fileName)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(fileName);
        var collector = new ContentCollector();
        var lineNumber = 0;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (lineNumber == 1 && line.StartsWith('\uFEFF'))
            {
                line = line[1..];
            }

            if (!string.IsNullOrWhiteSpace(line))
            {
                collector.Add(ParseLine(line, fileName, lineNumber, collector.Errors));
            }
        }

        return collector.ToResult();
    }

    /// <summary>Writes <paramref name="entry"/> as one line (no line break), Chinese left unescaped.</summary>
    public static string Write(KnowledgeEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            writer.WriteStartObject();
            writer.WriteString(EntryKeys.Id, entry.Id);
            writer.WriteString(EntryKeys.Category, entry.Category);
            writer.WriteString(EntryKeys.Title, entry.Title);
            WriteList(writer, EntryKeys.Questions, entry.Questions);
            writer.WriteString(EntryKeys.Answer, entry.Answer);
            WriteList(writer, EntryKeys.Tags, entry.Tags);
            WriteOptional(writer, EntryKeys.Department, entry.Department);
            WriteOptional(writer, EntryKeys.Source, entry.Source);
            WriteOptional(writer, EntryKeys.Updated, entry.Updated?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            writer.WriteString(EntryKeys.Status, EntryStatusText.ToText(entry.Status));
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static ParsedEntry ParseLine(string line, string fileName, int lineNumber, List<ContentError> errors)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(line);
        }
        catch (JsonException ex)
        {
            errors.Add(new ContentError(fileName, lineNumber, $"invalid JSON: {ex.Message}"));
            return ParsedEntry.None(fileName);
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                errors.Add(new ContentError(fileName, lineNumber, $"the line is a JSON {root.ValueKind.ToString().ToLowerInvariant()}, not an object"));
                return ParsedEntry.None(fileName);
            }

            var draft = new EntryDraft(fileName, lineNumber, errors);
            foreach (var property in root.EnumerateObject())
            {
                switch (property.Name)
                {
                    case EntryKeys.Id: draft.Id = String(property, draft); break;
                    case EntryKeys.Title: draft.Title = String(property, draft); break;
                    case EntryKeys.Questions: draft.Questions = List(property, draft); break;
                    case EntryKeys.Answer: draft.Answer = String(property, draft); break;
                    case EntryKeys.Category: draft.Category = String(property, draft); break;
                    case EntryKeys.Tags: draft.Tags = List(property, draft); break;
                    case EntryKeys.Department: draft.Department = String(property, draft); break;
                    case EntryKeys.Source: draft.Source = String(property, draft); break;
                    case EntryKeys.Updated: draft.Updated = String(property, draft); break;
                    case EntryKeys.Status: draft.Status = String(property, draft); break;
                    default: break;
                }
            }

            return EntryValidator.Validate(draft);
        }
    }

    private static string? String(JsonProperty property, EntryDraft draft)
    {
        switch (property.Value.ValueKind)
        {
            case JsonValueKind.String:
                return property.Value.GetString();
            case JsonValueKind.Null:
                return null;
            default:
                draft.AddError(draft.Line, $"'{property.Name}' must be a string");
                return null;
        }
    }

    private static List<DraftItem>? List(JsonProperty property, EntryDraft draft)
    {
        switch (property.Value.ValueKind)
        {
            case JsonValueKind.Array:
                var items = new List<DraftItem>();
                foreach (var item in property.Value.EnumerateArray())
                {
                    if (item.ValueKind is JsonValueKind.String or JsonValueKind.Null)
                    {
                        items.Add(new DraftItem(item.GetString(), draft.Line));
                    }
                    else
                    {
                        draft.AddError(draft.Line, $"'{property.Name}' must be a list of non-empty strings; found a {item.ValueKind.ToString().ToLowerInvariant()}");
                    }
                }

                return items;
            case JsonValueKind.Null:
                return null;
            default:
                draft.AddError(draft.Line, $"'{property.Name}' must be a list of strings");
                return null;
        }
    }

    private static void WriteList(Utf8JsonWriter writer, string name, IReadOnlyList<string> items)
    {
        writer.WriteStartArray(name);
        foreach (var item in items)
        {
            writer.WriteStringValue(item);
        }

        writer.WriteEndArray();
    }

    private static void WriteOptional(Utf8JsonWriter writer, string name, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value))
        {
            writer.WriteString(name, value);
        }
    }
}
