using System.Text.Json;

namespace CitizenBot.Knowledge.Evaluation;

/// <summary>Reads labelled questions, one JSON object a line: <c>{"id","text","expected": "&lt;entry id&gt;" | null}</c>.</summary>
public static class EvalQuestionReader
{
    /// <exception cref="KnowledgeContentException">A line is not valid, naming the file and line.</exception>
    public static async Task<IReadOnlyList<EvalQuestion>> ReadAsync(string path, CancellationToken cancellationToken)
    {
        if (!File.Exists(path))
        {
            throw new KnowledgeContentException($"{path}: file not found.");
        }

        var questions = new List<EvalQuestion>();
        var lineNumber = 0;
        foreach (var line in await File.ReadAllLinesAsync(path, cancellationToken))
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            try
            {
                using var json = JsonDocument.Parse(line);
                var root = json.RootElement;
                var id = root.TryGetProperty("id", out var idElement) ? idElement.ToString() : $"line-{lineNumber}";
                var text = root.GetProperty("text").GetString() ?? throw new KnowledgeContentException($"{path}:{lineNumber}: \"text\" is null.");
                string? expected = root.TryGetProperty("expected", out var e) && e.ValueKind == JsonValueKind.String ? e.GetString() : null;
                questions.Add(new EvalQuestion(id, text, string.IsNullOrEmpty(expected) ? null : expected));
            }
            catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException)
            {
                throw new KnowledgeContentException($"{path}:{lineNumber}: {ex.Message}", ex);
            }
        }

        return questions;
    }
}
