using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace CitizenBot.Bot.Dialogue.Storage;

/// <summary>
/// Every write to <c>dialogue.db</c>, as statements built once on the writer connection and rebound per row (preparing
/// a statement costs about what running it does, and the writer runs thousands a second). Used by
/// <see cref="DialogueWriteQueue"/>'s loop alone, inside the transaction it passes to <see cref="Enlist"/>. Not
/// thread-safe. Synchronous on purpose: Microsoft.Data.Sqlite's async calls complete synchronously anyway, and the loop
/// runs a whole group without yielding.
/// </summary>
internal sealed class DialogueRowWriter : IDisposable
{
    /// <summary>How many handled ids one prune step deletes, so a large prune never holds up messages for long.</summary>
    public const int PruneBatch = 2000;

    private readonly SqliteCommand _markHandled;
    private readonly SqliteCommand _upsertState;
    private readonly SqliteCommand _deleteState;
    private readonly SqliteCommand _upsertContact;
    private readonly SqliteCommand _prune;
    private readonly SqliteCommand[] _commands;

    public DialogueRowWriter(SqliteConnection connection)
    {
        _markHandled = Prepare(connection, """
            INSERT INTO handled_messages(channel, message_id, at) VALUES ($channel, $messageId, $at)
            ON CONFLICT DO NOTHING
            """, "$channel", "$messageId", "$at");
        _upsertState = Prepare(connection, """
            INSERT INTO dialogues(channel, conversation_id, sender_id, mode, ticket_number, expires_at, updated_at, state)
            VALUES ($channel, $conversationId, $senderId, $mode, $ticketNumber, $expiresAt, $updatedAt, $state)
            ON CONFLICT(channel, conversation_id, sender_id) DO UPDATE SET
                mode = excluded.mode, ticket_number = excluded.ticket_number, expires_at = excluded.expires_at,
                updated_at = excluded.updated_at, state = excluded.state
            """, "$channel", "$conversationId", "$senderId", "$mode", "$ticketNumber", "$expiresAt", "$updatedAt", "$state");
        _deleteState = Prepare(connection, """
            DELETE FROM dialogues WHERE channel = $channel AND conversation_id = $conversationId AND sender_id = $senderId
            """, "$channel", "$conversationId", "$senderId");

        // A contact written without a private or group thread keeps the one already known: a message in the group
        // does not make the private thread unreachable, nor the reverse.
        _upsertContact = Prepare(connection, """
            INSERT INTO residents(resident_id, channel, sender_id, sender_name, private_conversation_id, group_conversation_id, updated_at)
            VALUES ($residentId, $channel, $senderId, $senderName, $private, $group, $updatedAt)
            ON CONFLICT(resident_id) DO UPDATE SET
                channel = excluded.channel, sender_id = excluded.sender_id, sender_name = excluded.sender_name,
                private_conversation_id = coalesce(excluded.private_conversation_id, private_conversation_id),
                group_conversation_id = coalesce(excluded.group_conversation_id, group_conversation_id),
                updated_at = excluded.updated_at
            """, "$residentId", "$channel", "$senderId", "$senderName", "$private", "$group", "$updatedAt");
        _prune = Prepare(connection, $"""
            DELETE FROM handled_messages WHERE (channel, message_id) IN (
                SELECT channel, message_id FROM handled_messages WHERE at < $before LIMIT {PruneBatch})
            """, "$before");
        _commands = [_markHandled, _upsertState, _deleteState, _upsertContact, _prune];
    }

    /// <summary>Points every statement at the group's transaction.</summary>
    public void Enlist(SqliteTransaction transaction)
    {
        foreach (var command in _commands)
        {
            command.Transaction = transaction;
        }
    }

    /// <summary>Records the message id; false when it was recorded before.</summary>
    public bool MarkHandled(string channel, string messageId, DateTimeOffset at)
    {
        var p = _markHandled.Parameters;
        p["$channel"].Value = channel;
        p["$messageId"].Value = messageId;
        p["$at"].Value = DialogueTime.Format(at);
        return _markHandled.ExecuteNonQuery() == 1;
    }

    /// <summary>Stores the state, or deletes its row when it carries nothing worth keeping (see <see cref="IsBlank"/>).</summary>
    public void Put(DialogueState state)
    {
        if (IsBlank(state))
        {
            BindKey(_deleteState, state.Key);
            _deleteState.ExecuteNonQuery();
            return;
        }

        BindKey(_upsertState, state.Key);
        var p = _upsertState.Parameters;
        p["$mode"].Value = state.Mode.ToString();
        p["$ticketNumber"].Value = state.TicketNumber ?? (object)DBNull.Value;
        p["$expiresAt"].Value = state.ExpiresAt is { } expiresAt ? DialogueTime.Format(expiresAt) : DBNull.Value;
        p["$updatedAt"].Value = DialogueTime.Format(state.UpdatedAt);
        p["$state"].Value = JsonSerializer.Serialize(state, DialogueJsonContext.Default.DialogueState);
        _upsertState.ExecuteNonQuery();
    }

    public void PutContact(ResidentContact contact)
    {
        var p = _upsertContact.Parameters;
        p["$residentId"].Value = contact.ResidentId;
        p["$channel"].Value = contact.Channel;
        p["$senderId"].Value = contact.SenderId;
        p["$senderName"].Value = contact.SenderName;
        p["$private"].Value = contact.PrivateConversationId ?? (object)DBNull.Value;
        p["$group"].Value = contact.GroupConversationId ?? (object)DBNull.Value;
        p["$updatedAt"].Value = DialogueTime.Format(contact.UpdatedAt);
        _upsertContact.ExecuteNonQuery();
    }

    /// <summary>Deletes up to <see cref="PruneBatch"/> handled ids recorded before <paramref name="before"/>; returns how many.</summary>
    public int PruneStep(DateTimeOffset before)
    {
        _prune.Parameters["$before"].Value = DialogueTime.Format(before);
        return _prune.ExecuteNonQuery();
    }

    public void Dispose()
    {
        foreach (var command in _commands)
        {
            command.Dispose();
        }
    }

    /// <summary>
    /// Idle with nothing pending and nothing carried over: its row would read back as what
    /// <see cref="DialogueState.Start"/> makes, so it is deleted and <c>GetAsync</c> returns null. The grid and origin
    /// thread count as carried: a private thread opened from a group must keep its group's grid while idle.
    /// </summary>
    internal static bool IsBlank(DialogueState state) =>
        state is { Mode: DialogueMode.Idle, Draft: null, TicketNumber: null, AbstainStreak: 0, ExpiresAt: null, GridNodeId: null, OriginConversationId: null }
        && state.ChoiceEntryIds.Count == 0;

    private static void BindKey(SqliteCommand command, DialogueKey key)
    {
        var p = command.Parameters;
        p["$channel"].Value = key.Channel;
        p["$conversationId"].Value = key.ConversationId;
        p["$senderId"].Value = key.SenderId;
    }

    [SuppressMessage("Security", "CA2100", Justification = "Called with this class's constant statements only; every value is a parameter.")]
    private static SqliteCommand Prepare(SqliteConnection connection, string sql, params string[] parameters)
    {
        var command = new SqliteCommand(sql, connection);
        foreach (var name in parameters)
        {
            command.Parameters.Add(new SqliteParameter(name, DBNull.Value));
        }

        return command;
    }
}
