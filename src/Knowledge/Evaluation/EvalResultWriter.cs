using System.Text.Encodings.Web;
using System.Text.Json;

namespace CitizenBot.Knowledge.Evaluation;

/// <summary>
/// Writes one JSON line per question:
/// <c>{"id","top":[{"entry","score"}…],"decision","entry","confidence","choices":[…]}</c>.
/// </summary>
public static class EvalResultWriter
{
    private static readonly JsonSerializerOptions Json = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static async Task WriteAsync(string path, IEnumerable<EvalOutcome> outcomes, CancellationToken cancellationToken)
    {
        await using var writer = new StreamWriter(path, append: false, new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        foreach (var o in outcomes)
        {
            var line = new
            {
                id = o.Question.Id,
                top = o.Result.Hits.Take(5).Select(h => new { entry = h.EntryId, score = h.Score }),
                decision = o.Result.Decision.ToString().ToLowerInvariant(),
                entry = o.Entry,
                confidence = o.Result.Confidence,
                choices = o.Result.Choices.Select(c => c.EntryId),
            };
            await writer.WriteLineAsync(JsonSerializer.Serialize(line, Json).AsMemory(), cancellationToken);
        }
    }
}
