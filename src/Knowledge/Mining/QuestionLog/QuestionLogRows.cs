using System.Diagnostics.CodeAnalysis;
using CitizenBot.Knowledge.Retrieval;
using Microsoft.Data.Sqlite;

namespace CitizenBot.Knowledge.Mining.QuestionLog;

/// <summary>
/// The writer connection's statements, prepared once and run by the log's single writer loop inside its group
/// transaction. This is where resident ids are keyed and texts scrubbed, off the bot's hot path.
/// </summary>
internal sealed class QuestionLogRows : IDisposable
{
    private readonly ResidentKeys _keys;
    private readonly long _windowMs;
    private readonly SqliteCommand _latest;
    private readonly SqliteCommand _markRephrased;
    private readonly SqliteCommand _insert;
    private readonly SqliteCommand _pick;
    private readonly SqliteCommand _handoff;
    private readonly SqliteCommand _prune;

    public QuestionLogRows(SqliteConnection connection, ResidentKeys keys, TimeSpan followUpWindow)
    {
        _keys = keys;
        _windowMs = (long)followUpWindow.TotalMilliseconds;
        _latest = Command(connection, """
            SELECT id, decision, entry_id, text FROM questions
            WHERE resident_key = $key AND at >= $since ORDER BY at DESC, id DESC LIMIT 1
            """, "$key", "$since");
        _markRephrased = Command(connection, "UPDATE questions SET rephrased = 1 WHERE id = $id", "$id");
        _insert = Command(connection, """
            INSERT INTO questions(at, channel, conversation_kind, resident_key, text, decision, confidence, entry_id)
            VALUES ($at, $channel, $kind, $key, $text, $decision, $confidence, $entry)
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
        _prune = Command(connection, "DELETE FROM questions WHERE at < $before", "$before");
    }

    /// <summary>Joins every statement to <paramref name="transaction"/>.</summary>
    public void Enlist(SqliteTransaction transaction)
    {
        foreach (var command in (SqliteCommand[])[_latest, _markRephrased, _insert, _pick, _handoff, _prune])
        {
            command.Transaction = transaction;
        }
    }

    /// <summary>Applies <paramref name="write"/>; returns the rows it changed (deleted, for a prune).</summary>
    public int Apply(QuestionLogWrite write) => write.Kind switch
    {
        QuestionLogWriteKind.Record => Insert(write.Record!),
        QuestionLogWriteKind.Pick => Run(_pick, write.EntryId, _keys.KeyOf(write.ResidentId!)),
        QuestionLogWriteKind.Handoff => Run(_handoff, _keys.KeyOf(write.ResidentId!), Ms(write.At) - _windowMs, Ms(write.At)),
        QuestionLogWriteKind.Prune => Run(_prune, Ms(write.At)),
        _ => 0,
    };

    public void Dispose()
    {
        foreach (var command in (SqliteCommand[])[_latest, _markRephrased, _insert, _pick, _handoff, _prune])
        {
            command.Dispose();
        }
    }

    private int Insert(QuestionRecord record)
    {
        var key = _keys.KeyOf(record.ResidentId);
        var text = PersonalDataScrubber.Scrub(record.Text);
        var at = Ms(record.At);
        Bind(_latest, key, at - _windowMs);
        long? previous = null;
        using (var reader = _latest.ExecuteReader())
        {
            if (reader.Read())
            {
                var resolved = QuestionLogText.ParseDecision(reader.GetString(1)) == SearchDecision.Answer || !reader.IsDBNull(2);
                if (RephraseRule.IsRephrase(resolved, reader.GetString(3), text))
                {
                    previous = reader.GetInt64(0);
                }
            }
        }

        if (previous is { } id)
        {
            Run(_markRephrased, id);
        }

        return Run(
            _insert,
            at,
            record.Channel,
            QuestionLogText.Of(record.Kind),
            key,
            text,
            QuestionLogText.Of(record.Decision),
            record.Confidence,
            record.EntryId);
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
