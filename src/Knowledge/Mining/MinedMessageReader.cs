using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace CitizenBot.Knowledge.Mining;

/// <summary>
/// Reads a message history, one JSON object a line: <c>{"id","at":"&lt;ISO 8601 with offset&gt;","text"}</c>.
/// A bad line is reported as <c>file:line: message</c> and skipped, so one broken export line does not stop a run
/// over a year of messages; blank lines are ignored.
/// </summary>
/// <remarks>
/// The file is read in blocks of whole lines, each parsed on the thread pool straight from its UTF-8 bytes (no line
/// strings, no JSON document); only a line the fast path cannot take (an error, an unusual time format) goes through
/// the slower <see cref="TryParse"/>, which words the error. At most a few blocks are in flight, so memory holds the
/// messages and little else.
/// </remarks>
public static class MinedMessageReader
{
    private const int BlockBytes = 4 << 20;
    private const int MaxTimeLength = 128;

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

        await using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.Asynchronous | FileOptions.SequentialScan);
        var messages = new List<MinedMessage>(EstimateLines(file.Length));
        var inFlight = new Queue<Task<BlockResult>>();
        var maxInFlight = Environment.ProcessorCount + 1;
        var buffer = ArrayPool<byte>.Shared.Rent(BlockBytes);
        var length = 0;
        var firstLine = 1;
        var atStart = true;
        var endOfFile = false;
        while (!endOfFile)
        {
            // A block is the partial line carried over from the last one plus fresh bytes, cut after its last newline.
            int read;
            while (length < buffer.Length && (read = await file.ReadAsync(buffer.AsMemory(length), cancellationToken)) > 0)
            {
                length += read;
            }

            endOfFile = length < buffer.Length;
            var end = endOfFile ? length : buffer.AsSpan(0, length).LastIndexOf((byte)'\n') + 1;
            if (end == 0 && !endOfFile)
            {
                // One line longer than the whole buffer: read on into a bigger one.
                var bigger = ArrayPool<byte>.Shared.Rent(buffer.Length * 2);
                buffer.AsSpan(0, length).CopyTo(bigger);
                ArrayPool<byte>.Shared.Return(buffer);
                buffer = bigger;
                continue;
            }

            var start = 0;
            if (atStart)
            {
                atStart = false;
                start = buffer.AsSpan(0, end).StartsWith("\uFEFF"u8) ? 3 : 0;
            }

            var next = ArrayPool<byte>.Shared.Rent(BlockBytes);
            buffer.AsSpan(end, length - end).CopyTo(next);
            var block = new Block(buffer, start, end, firstLine);
            firstLine += buffer.AsSpan(start, end - start).Count((byte)'\n');
            inFlight.Enqueue(Task.Run(() => Parse(path, block), cancellationToken));
            (buffer, length) = (next, length - end);
            if (inFlight.Count >= maxInFlight)
            {
                Collect(await inFlight.Dequeue(), messages, onError);
            }
        }

        ArrayPool<byte>.Shared.Return(buffer);
        while (inFlight.Count > 0)
        {
            Collect(await inFlight.Dequeue(), messages, onError);
        }

        return messages;
    }

    private static int EstimateLines(long bytes) => (int)Math.Clamp(bytes / 100, 16, 10_000_000);

    private static void Collect(BlockResult result, List<MinedMessage> messages, Action<string> onError)
    {
        messages.AddRange(result.Messages);
        foreach (var error in result.Errors)
        {
            onError(error);
        }
    }

    private static BlockResult Parse(string path, Block block)
    {
        var messages = new List<MinedMessage>((block.End - block.Start) / 100);
        var errors = new List<string>();
        try
        {
            var bytes = block.Buffer.AsSpan(block.Start, block.End - block.Start);
            var lineNumber = block.FirstLine;
            while (bytes.Length > 0)
            {
                var newline = bytes.IndexOf((byte)'\n');
                var line = newline < 0 ? bytes : bytes[..newline];
                bytes = newline < 0 ? [] : bytes[(newline + 1)..];
                if (TryParseFast(line, out var message))
                {
                    messages.Add(message);
                }
                else
                {
                    var text = Encoding.UTF8.GetString(line.TrimEnd((byte)'\r'));
                    if (!string.IsNullOrWhiteSpace(text))
                    {
                        if (TryParse(text, out message, out var error))
                        {
                            messages.Add(message);
                        }
                        else
                        {
                            errors.Add(string.Create(CultureInfo.InvariantCulture, $"{path}:{lineNumber}: {error}"));
                        }
                    }
                }

                lineNumber++;
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(block.Buffer);
        }

        return new BlockResult(messages, errors);
    }

    /// <summary>
    /// The common line — an object with a string or number <c>id</c>, a non-blank <c>text</c> and an <c>at</c> in
    /// <c>yyyy-MM-ddTHH:mm:ss[.f…](Z|±HH:mm)</c> — read with <see cref="Utf8JsonReader"/>. False for anything else
    /// (blank lines, errors, other time formats): the caller decides on the string.
    /// </summary>
    private static bool TryParseFast(ReadOnlySpan<byte> line, out MinedMessage message)
    {
        message = null!;
        string? id = null;
        string? text = null;
        DateTimeOffset? at = null;
        Span<byte> unescaped = stackalloc byte[MaxTimeLength];
        try
        {
            var reader = new Utf8JsonReader(line, new JsonReaderOptions { AllowTrailingCommas = false, CommentHandling = JsonCommentHandling.Disallow });
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return false;
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                if (reader.ValueTextEquals("id"u8))
                {
                    reader.Read();
                    id = reader.TokenType switch
                    {
                        JsonTokenType.String => reader.GetString(),
                        JsonTokenType.Number when !reader.HasValueSequence => Encoding.UTF8.GetString(reader.ValueSpan),
                        _ => null,
                    };
                    if (string.IsNullOrEmpty(id))
                    {
                        return false;
                    }
                }
                else if (reader.ValueTextEquals("text"u8))
                {
                    reader.Read();
                    if (reader.TokenType != JsonTokenType.String)
                    {
                        return false;
                    }

                    text = reader.GetString();
                    if (string.IsNullOrWhiteSpace(text))
                    {
                        return false;
                    }
                }
                else if (reader.ValueTextEquals("at"u8))
                {
                    reader.Read();
                    // Serializers may escape the '+' of the offset (\u002B): the time is read unescaped.
                    if (reader.TokenType != JsonTokenType.String || reader.HasValueSequence || reader.ValueSpan.Length > MaxTimeLength
                        || !TryParseIsoTime(unescaped[..reader.CopyString(unescaped)], out var time))
                    {
                        return false;
                    }

                    at = time;
                }
                else
                {
                    reader.Read();
                    reader.Skip();
                }
            }

            // Trailing content after the object is invalid JSON: the slow path words the error.
            if (reader.TokenType != JsonTokenType.EndObject || reader.Read())
            {
                return false;
            }
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or ArgumentException)
        {
            return false;
        }

        if (id is null || text is null || at is not { } moment)
        {
            return false;
        }

        message = new MinedMessage(id, moment, text);
        return true;
    }

    /// <summary><c>yyyy-MM-ddTHH:mm:ss[.f…](Z|±HH:mm)</c>, the form exports write; anything else goes the slow way.</summary>
    internal static bool TryParseIsoTime(ReadOnlySpan<byte> s, out DateTimeOffset time)
    {
        time = default;
        if (s.Length < 20 || s[4] != '-' || s[7] != '-' || s[10] != 'T' || s[13] != ':' || s[16] != ':'
            || !TryDigits(s[..4], out var year) || !TryDigits(s.Slice(5, 2), out var month) || !TryDigits(s.Slice(8, 2), out var day)
            || !TryDigits(s.Slice(11, 2), out var hour) || !TryDigits(s.Slice(14, 2), out var minute) || !TryDigits(s.Slice(17, 2), out var second))
        {
            return false;
        }

        var i = 19;
        long fractionTicks = 0;
        if (s[i] == '.')
        {
            i++;
            var digits = 0;
            var scale = TimeSpan.TicksPerSecond;
            while (i < s.Length && s[i] is >= (byte)'0' and <= (byte)'9')
            {
                scale /= 10;
                fractionTicks += (s[i] - '0') * scale;
                digits++;
                i++;
            }

            // More than 7 digits (finer than a tick) is left to the framework's rounding.
            if (digits is 0 or > 7)
            {
                return false;
            }
        }

        var rest = s[i..];
        TimeSpan offset;
        if (rest.Length == 1 && rest[0] == 'Z')
        {
            offset = TimeSpan.Zero;
        }
        else if (rest.Length == 6 && rest[0] is (byte)'+' or (byte)'-' && rest[3] == ':'
            && TryDigits(rest.Slice(1, 2), out var offsetHours) && TryDigits(rest.Slice(4, 2), out var offsetMinutes)
            && offsetMinutes < 60 && offsetHours * 60 + offsetMinutes <= 14 * 60)
        {
            offset = new TimeSpan(offsetHours, offsetMinutes, 0);
            if (rest[0] == '-')
            {
                offset = -offset;
            }
        }
        else
        {
            return false;
        }

        if (year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month) || hour > 23 || minute > 59 || second > 59)
        {
            return false;
        }

        var local = new DateTime(year, month, day, hour, minute, second, DateTimeKind.Unspecified).AddTicks(fractionTicks);
        var utcTicks = local.Ticks - offset.Ticks;
        if (utcTicks < DateTime.MinValue.Ticks || utcTicks > DateTime.MaxValue.Ticks)
        {
            return false;
        }

        time = new DateTimeOffset(local, offset);
        return true;
    }

    private static bool TryDigits(ReadOnlySpan<byte> digits, out int value)
    {
        value = 0;
        foreach (var b in digits)
        {
            if (b is < (byte)'0' or > (byte)'9')
            {
                return false;
            }

            value = (value * 10) + (b - '0');
        }

        return true;
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

    private sealed record Block(byte[] Buffer, int Start, int End, int FirstLine);

    private sealed record BlockResult(List<MinedMessage> Messages, List<string> Errors);
}
