using System.Diagnostics.CodeAnalysis;
using Microsoft.Data.Sqlite;

namespace CitizenBot.Bot.Dialogue.Storage;

/// <summary>
/// A read connection to <c>dialogue.db</c> with the statements every message needs, configured and prepared once;
/// used by one caller at a time. A pooled connection opened per read had cost each message its four PRAGMAs and the
/// query compiled afresh: statement compilation was ~9 % of the chat endpoint's CPU.
/// </summary>
internal sealed class DialogueReadSession : IDisposable
{
    private readonly SqliteConnection _connection;
    private readonly SqliteCommand _handled;
    private readonly SqliteCommand _state;
    private readonly SqliteCommand _contact;

    /// <summary>Takes over <paramref name="connection"/> (open and configured).</summary>
    public DialogueReadSession(SqliteConnection connection)
    {
        _connection = connection;
        _handled = Prepare("SELECT 1 FROM handled_messages WHERE channel = $channel AND message_id = $messageId", "$channel", "$messageId");
        _state = Prepare(SqliteDialogueStore.GetSql, "$channel", "$conversationId", "$senderId");
        _contact = Prepare(
            """
            SELECT resident_id, channel, sender_id, sender_name, private_conversation_id, group_conversation_id, updated_at
            FROM residents WHERE resident_id = $residentId
            """,
            "$residentId");
    }

    public async Task<bool> WasHandledAsync(string channel, string messageId, CancellationToken cancellationToken)
    {
        _handled.Parameters["$channel"].Value = channel;
        _handled.Parameters["$messageId"].Value = messageId;
        return await _handled.ExecuteScalarAsync(cancellationToken) is not null;
    }

    /// <summary>The stored state's JSON, or null when there is no row.</summary>
    public async Task<string?> ReadStateAsync(DialogueKey key, CancellationToken cancellationToken)
    {
        _state.Parameters["$channel"].Value = key.Channel;
        _state.Parameters["$conversationId"].Value = key.ConversationId;
        _state.Parameters["$senderId"].Value = key.SenderId;
        return (string?)await _state.ExecuteScalarAsync(cancellationToken);
    }

    public async Task<ResidentContact?> ReadContactAsync(string residentId, CancellationToken cancellationToken)
    {
        _contact.Parameters["$residentId"].Value = residentId;
        await using var reader = await _contact.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }

        return new ResidentContact(
            reader.GetString(0),
            reader.GetString(1),
            reader.GetString(2),
            reader.GetString(3),
            reader[4] as string,
            reader[5] as string,
            DialogueTime.Parse(reader.GetString(6)));
    }

    public void Dispose()
    {
        _handled.Dispose();
        _state.Dispose();
        _contact.Dispose();
        _connection.Dispose();
    }

    [SuppressMessage("Security", "CA2100", Justification = "Called with this class's constant statements only; every value is a parameter.")]
    private SqliteCommand Prepare(string sql, params string[] parameters)
    {
        var command = _connection.CreateCommand();
        command.CommandText = sql;
        foreach (var name in parameters)
        {
            command.Parameters.Add(name, SqliteType.Text);
        }

        command.Prepare();
        return command;
    }
}
