using Microsoft.Data.Sqlite;

namespace CitizenBot.Bot.Dialogue.Storage;

/// <summary>
/// The tables of <c>dialogue.db</c>: <c>dialogues</c> (one row per resident per conversation: the columns lookups
/// filter on, the whole state as JSON), <c>handled_messages</c> (ids of messages already committed, for
/// redelivery) and <c>residents</c> (how to reach each resident). The version is SQLite's <c>user_version</c>;
/// opening a database brings it up step by step, and a database newer than this code is refused.
/// </summary>
internal static class DialogueSchema
{
    /// <summary>The version this code writes.</summary>
    public const int Version = 1;

    /// <summary>Creates or upgrades the tables in one immediate transaction; returns the version found.</summary>
    public static async Task<int> CreateAsync(SqliteConnection connection, ILogger logger, CancellationToken cancellationToken)
    {
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        await using var command = new SqliteCommand("PRAGMA user_version", connection, transaction);
        var found = checked((int)(long)(await command.ExecuteScalarAsync(cancellationToken))!);
        if (found > Version)
        {
            throw new InvalidOperationException(
                $"dialogue.db is at schema version {found}, newer than this code's {Version}; refusing to open it.");
        }

        if (found == Version)
        {
            return found;
        }

        if (found < 1)
        {
            command.CommandText = """
                CREATE TABLE dialogues(
                    channel TEXT NOT NULL,
                    conversation_id TEXT NOT NULL,
                    sender_id TEXT NOT NULL,
                    mode TEXT NOT NULL,
                    ticket_number TEXT NULL,
                    expires_at TEXT NULL,
                    updated_at TEXT NOT NULL,
                    state TEXT NOT NULL,
                    PRIMARY KEY(channel, conversation_id, sender_id)
                ) STRICT;
                -- ListExpiredAsync picks its page of rowids off this index in expiry order (the rowid is in every
                -- entry, so it covers that pick), then reads only those rows. Partial: most dialogues wait for nothing.
                CREATE INDEX dialogues_expiring ON dialogues(expires_at) WHERE expires_at IS NOT NULL;
                -- FindByTicketAsync: few dialogues hold a ticket; "ticket_number = $x" implies the index's condition.
                CREATE INDEX dialogues_by_ticket ON dialogues(ticket_number) WHERE ticket_number IS NOT NULL;
                -- ListInConversationAsync, in its order, so nothing is sorted.
                CREATE INDEX dialogues_by_conversation ON dialogues(channel, conversation_id, mode, updated_at, sender_id);

                CREATE TABLE handled_messages(
                    channel TEXT NOT NULL,
                    message_id TEXT NOT NULL,
                    at TEXT NOT NULL,
                    PRIMARY KEY(channel, message_id)
                ) STRICT, WITHOUT ROWID;
                -- For the retention prune. Entries arrive in time order, so this index only ever grows at its end.
                CREATE INDEX handled_messages_at ON handled_messages(at);

                CREATE TABLE residents(
                    resident_id TEXT PRIMARY KEY,
                    channel TEXT NOT NULL,
                    sender_id TEXT NOT NULL,
                    sender_name TEXT NOT NULL,
                    private_conversation_id TEXT NULL,
                    group_conversation_id TEXT NULL,
                    updated_at TEXT NOT NULL
                ) STRICT;

                PRAGMA user_version = 1;
                """;
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        DialogueStoreLog.SchemaUpgraded(logger, found, Version);
        return found;
    }
}
