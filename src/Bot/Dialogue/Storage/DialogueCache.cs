using System.Collections.Concurrent;

namespace CitizenBot.Bot.Dialogue.Storage;

/// <summary>
/// The dialogue states and contacts the store last read or committed, so a resident's next message costs no read of
/// the file. Sound because the store is its file's only writer and callers serialize work per resident (the
/// <see cref="IDialogueStore"/> contract): an entry is set after its read, or after its write committed, with no other
/// write for that key in between. A contact is dropped on write rather than updated, since the writer merges it with
/// the stored one. Bounded: emptied when it holds <see cref="Capacity"/> entries, which costs one read per resident after.
/// </summary>
internal sealed class DialogueCache
{
    public const int Capacity = 100_000;

    private readonly ConcurrentDictionary<DialogueKey, DialogueState?> _states = new();
    private readonly ConcurrentDictionary<string, ResidentContact?> _contacts = new(StringComparer.Ordinal);

    public bool TryGetState(DialogueKey key, out DialogueState? state) => _states.TryGetValue(key, out state);

    /// <summary>Remembers what the file holds for <paramref name="key"/> now (null for no row).</summary>
    public void SetState(DialogueKey key, DialogueState? state)
    {
        if (_states.Count >= Capacity)
        {
            _states.Clear();
        }

        _states[key] = state;
    }

    public bool TryGetContact(string residentId, out ResidentContact? contact) => _contacts.TryGetValue(residentId, out contact);

    public void SetContact(string residentId, ResidentContact? contact)
    {
        if (_contacts.Count >= Capacity)
        {
            _contacts.Clear();
        }

        _contacts[residentId] = contact;
    }

    public void ForgetContact(string residentId) => _contacts.TryRemove(residentId, out _);
}
