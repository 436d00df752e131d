using System.Diagnostics.CodeAnalysis;
using CitizenBot.Knowledge.Retrieval;
using Microsoft.Data.Sqlite;

namespace CitizenBot.Knowledge.Mining.QuestionLog;

/// <summary>
/// The writer connection's statements, prepared once and run by the log's single writer loop inside its group
/// transaction. This is where resident ids are keyed and texts scrubbed, off the bot's hot path.
/// </summary>
/// <remarks>
/// Rephrase, pick and handoff marking need the resident's latest question. It comes from <see cref="LatestQuestionCache"/>
/// when held there (one SELECT less per question: recording every question had cost the chat endpoint ~15 %), else
/// from the same SELECT as before; both give the same row. What a group's writes put in the cache is dropped again
/// when the group rolls back (<see cref="DiscardUncommitted"/>), so the cache never holds a row the file does not.
/// </remarks>
internal sealed class QuestionLogRows : IDisposable
{
    private readonly ResidentKeys _keys;
    private readonly long _windowMs;
    private readonly LatestQuestionCache _cache;
    private readonly HashSet<string> _touched = new(StringComparer.Ordinal);
    private readonly SqliteCommand _latest;
    private readonly SqliteCommand _markRephrased;
    private readonly SqliteCommand _insert;
    private readonly SqliteCommand _pick;
    private readonly SqliteCommand _handoff;
    private readonly SqliteCommand _pickById;
    private readonly SqliteCommand _handoffById;
    private readonly SqliteCommand _prune;
    private readonly SqliteCommand[] _all;

    public QuestionLogRows(
        SqliteConnection connection,
        ResidentKeys keys,
        TimeSpan followUpWindow,
        int cachedResidents = LatestQuestionCache.DefaultCapacity)
    {
        _keys = keys;
        _windowMs = (long)followUpWindow.TotalMilliseconds;
        _cache = new LatestQuestionCache(cachedResidents);
        _latest = Command(connection, """
            SELECT id, at, decision, entry_id, text FROM questions
            WHERE resident_key = $key AND at >= $since ORDER BY at DESC, id DESC LIMIT 1
            """, "$key", "$since");
        _markRephrased = Command(connection, "UPDATE questions SET rephrased = 1 WHERE id = $id", "$id");
        _insert = Command(connection, """
            INSERT INTO questions(at, channel, conversation_kind, resident_key, text, decision, confidence, entry_id)
            VALUES ($at, $channel, $kind, $key, $text, $decision, $confidence, $entry)
            RETURNING id
            """, "$at", "$channel", "$kind", "$key", "$text", "$decision", "$confidence", "$entry");
        // A pick answers the clarify just offered, so it can only belong to the resident's latest question.
        _pick = Command(connection, """
            UPDATE questions SET entry_id = $entry
            WHERE id = (SELECT id FROM questions WHERE resident_key = $key ORDER BY at DESC, id DESC LIMIT 1)
              AND decision = 'clarify' AND entry_id IS NULL
            """, "$entry", "$key");
        _handoff = Command(connection, """
            UPDATE questions SET followed_by_handoff = 1
            WHERE id = (SELECT id FROM questions WHERE resident_key = $key AND at >= $since AND at <= $at
                        ORDER BY at DESC, id DESC LIMIT 1)
            """, "$key", "$since", "$at");
        _pickById = Command(connection, "UPDATE questions SET entry_id = $entry WHERE id = $id", "$entry", "$id");
        _handoffById = Command(connection, "UPDATE questions SET followed_by_handoff = 1 WHERE id = $id", "$id");
        _prune = Command(connection, "DELETE FROM questions WHERE at < $before", "$before");
        _all = [_latest, _markRephrased, _insert, _pick, _handoff, _pickById, _handoffById, _prune];
    }

    /// <summary>Joins every statement to <paramref name="transaction"/>, the start of a group.</summary>
    public void Enlist(SqliteTransaction transaction)
    {
        _touched.Clear();
        foreach (var command in _all)
        {
            command.Transaction = transaction;
        }
    }

    /// <summary>The group's transaction rolled back: forgets what its writes cached (those residents are looked up again).</summary>
    public void DiscardUncommitted()
    {
        foreach (var key in _touched)
        {
            _cache.Remove(key);
        }

        _touched.Clear();
    }

    /// <summary>Applies <paramref name="write"/>; returns the rows it changed (deleted, for a prune).</summary>
    public int Apply(QuestionLogWrite write) => write.Kind switch
    {
        QuestionLogWriteKind.Record => Insert(write.Record!),
        QuestionLogWriteKind.Pick => Pick(_keys.KeyOf(write.ResidentId!), write.EntryId!),
        QuestionLogWriteKind.Handoff => Handoff(_keys.KeyOf(write.ResidentId!), Ms(write.At)),
        QuestionLogWriteKind.Prune => Prune(Ms(write.At)),
        _ => 0,
    };

    public void Dispose()
    {
        foreach (var command in _all)
        {
            command.Dispose();
        }
    }

    private int Insert(QuestionRecord record)
    {
        var key = _keys.KeyOf(record.ResidentId);
        var text = PersonalDataScrubber.Scrub(record.Text);
        var at = Ms(record.At);
        var since = at - _windowMs;

        // A held entry is the resident's latest row of all; the SELECT gives the latest asked since the window opened.
        // Either way the rule looks at the latest row asked within the window, if there is one.
        var previous = _cache.TryGet(key, out var held) ? held : ReadLatest(key, since);
        if (previous is { } p && p.At >= since && RephraseRule.IsRephrase(p.Resolved, p.Text, text))
        {
            Run(_markRephrased, p.Id);
        }

        Bind(_insert, at, record.Channel, QuestionLogText.Of(record.Kind), key, text, QuestionLogText.Of(record.Decision), record.Confidence, record.EntryId);
        var id = (long)_insert.ExecuteScalar()!;

        // Writes apply in queue order, but a question may carry a time before one already stored: the later stays
        // latest. When the SELECT found nothing, all the resident's other rows are older than the window: the new one is latest.
        Hold(key, previous is { } q && q.IsAfter(at, id) ? q : new LatestQuestion(id, at, record.Decision, record.EntryId, text));
        return 1;
    }

    private int Pick(string key, string entryId)
    {
        if (!_cache.TryGet(key, out var latest))
        {
            return Run(_pick, entryId, key);
        }

        if (latest.Decision != SearchDecision.Clarify || latest.EntryId is not null)
        {
            return 0;
        }

        Hold(key, latest with { EntryId = entryId });
        return Run(_pickById, entryId, latest.Id);
    }

    private int Handoff(string key, long at)
    {
        var since = at - _windowMs;
        if (!_cache.TryGet(key, out var latest) || latest.At > at)
        {
            // Not held, or the latest was asked after the handoff: the row before it is not held, so look it up.
            return Run(_handoff, key, since, at);
        }

        return latest.At >= since ? Run(_handoffById, latest.Id) : 0;
    }

    private int Prune(long before)
    {
        // A pruned latest row leaves the resident with no rows at all (every other is older), so forget them.
        _cache.RemoveAskedBefore(before);
        return Run(_prune, before);
    }

    private LatestQuestion? ReadLatest(string key, long since)
    {
        Bind(_latest, key, since);
        using var reader = _latest.ExecuteReader();
        return reader.Read()
            ? new LatestQuestion(
                reader.GetInt64(0),
                reader.GetInt64(1),
                QuestionLogText.ParseDecision(reader.GetString(2)),
                reader.IsDBNull(3) ? null : reader.GetString(3),
                reader.GetString(4))
            : null;
    }

    private void Hold(string key, LatestQuestion latest)
    {
        _touched.Add(key);
        _cache.Set(key, latest);
    }

    private static long Ms(DateTimeOffset at) => at.ToUnixTimeMilliseconds();

    private static int Run(SqliteCommand command, params object?[] values)
    {
        Bind(command, values);
        return command.ExecuteNonQuery();
    }

    private static void Bind(SqliteCommand command, params object?[] values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            command.Parameters[i].Value = values[i] ?? DBNull.Value;
        }
    }

    [SuppressMessage("Security", "CA2100", Justification = "Only this class's constant statements; every value is a parameter.")]
    private static SqliteCommand Command(SqliteConnection connection, string sql, params string[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var name in parameters)
        {
            command.Parameters.Add(new SqliteParameter { ParameterName = name });
        }

        return command;
    }
}
