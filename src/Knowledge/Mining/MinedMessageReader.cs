using System.Globalization;
using System.Text.Json;

namespace CitizenBot.Knowledge.Mining;

/// <summary>
/// Reads a message history, one JSON object a line: <c>{"id","at":"&lt;ISO 8601 with offset&gt;","text"}</c>.
/// A bad line is reported as <c>file:line: message</c> and skipped, so one broken export line does not stop a run
/// over a year of messages; blank lines are ignored.
/// </summary>
public static class MinedMessageReader
{
    /// <param name="path">The .jsonl file.</param>
    /// <param name="onError">Receives each bad line's <c>file:line: message</c>.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <exception cref="KnowledgeContentException">The file does not exist.</exception>
    public static async Task<IReadOnlyList<MinedMessage>> ReadAsync(string path, Action<string> onError, CancellationToken cancellationToken)
    {
        if (!File.Exists(path))
        {
            throw new KnowledgeContentException($"{path}: file not found.");
        }

        // Parsing is most of the cost: lines are parsed on every core, errors still reported in line order.
        var lines = await File.ReadAllLinesAsync(path, cancellationToken);
        var parsed = new MinedMessage?[lines.Length];
        var errors = new string?[lines.Length];
        Parallel.For(0, lines.Length, new ParallelOptions { CancellationToken = cancellationToken }, i =>
        {
            if (string.IsNullOrWhiteSpace(lines[i]))
            {
                return;
            }

            if (TryParse(lines[i], out var message, out var error))
            {
                parsed[i] = message;
            }
            else
            {
                errors[i] = error;
            }
        });

        var messages = new List<MinedMessage>(lines.Length);
        for (var i = 0; i < lines.Length; i++)
        {
            if (parsed[i] is { } message)
            {
                messages.Add(message);
            }
            else if (errors[i] is { } error)
            {
                onError(string.Create(CultureInfo.InvariantCulture, $"{path}:{i + 1}: {error}"));
            }
        }

        return messages;
    }

    /// <summary>Parses one line; <paramref name="error"/> says what is wrong when it returns false.</summary>
    public static bool TryParse(string line, out MinedMessage message, out string error)
    {
        message = null!;
        try
        {
            using var json = JsonDocument.Parse(line);
            var root = json.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                error = "a line must be a JSON object {\"id\",\"at\",\"text\"}.";
                return false;
            }

            if (!root.TryGetProperty("id", out var id) || id.ValueKind is not (JsonValueKind.String or JsonValueKind.Number) || id.ToString().Length == 0)
            {
                error = "\"id\" is missing or empty.";
                return false;
            }

            if (!root.TryGetProperty("text", out var text) || text.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(text.GetString()))
            {
                error = "\"text\" is missing or empty.";
                return false;
            }

            if (!root.TryGetProperty("at", out var at) || at.ValueKind != JsonValueKind.String || !TryParseTime(at.GetString()!, out var time))
            {
                error = "\"at\" must be an ISO 8601 time with an offset, e.g. 2026-03-01T09:30:00+08:00.";
                return false;
            }

            message = new MinedMessage(id.ToString(), time, text.GetString()!);
            error = string.Empty;
            return true;
        }
        catch (JsonException ex)
        {
            error = $"not valid JSON: {ex.Message}";
            return false;
        }
    }

    private static bool TryParseTime(string text, out DateTimeOffset time)
    {
        // Without an offset the time would silently take this machine's zone; an export must say which it means.
        time = default;
        return DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var parsed)
            && parsed.Kind != DateTimeKind.Unspecified
            && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out time);
    }
}
