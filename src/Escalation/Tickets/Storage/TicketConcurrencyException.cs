namespace CitizenBot.Escalation.Tickets.Storage;

/// <summary>
/// Thrown by <see cref="TicketStore.SaveAsync"/> when the stored ticket is not at the expected version: someone
/// else saved it first (or it does not exist). Nothing was written; reload the ticket and retry the command.
/// </summary>
internal sealed class TicketConcurrencyException(TicketNumber number, int expectedVersion)
    : Exception($"Ticket {number} is no longer at version {expectedVersion}; it was changed by someone else or does not exist.")
{
    public TicketNumber Number { get; } = number;

    public int ExpectedVersion { get; } = expectedVersion;
}
