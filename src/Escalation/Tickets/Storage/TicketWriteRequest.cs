namespace CitizenBot.Escalation.Tickets.Storage;

/// <summary>
/// One write waiting in <see cref="TicketWriteQueue"/>: the work to run inside the group's transaction, and the task
/// its caller awaits, which completes only once the group's commit has succeeded (or the work failed on its own).
/// </summary>
internal sealed class TicketWriteRequest(Func<TicketRowWriter, CancellationToken, Task> work, CancellationToken cancellationToken)
{
    // Continuations run elsewhere, so a caller's code never runs on (and never holds up) the writer loop.
    private readonly TaskCompletionSource _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Func<TicketRowWriter, CancellationToken, Task> Work { get; } = work;

    public CancellationToken CancellationToken { get; } = cancellationToken;

    public Task Completion => _completion.Task;

    public void Succeed() => _completion.TrySetResult();

    public void Fail(Exception exception)
    {
        if (exception is OperationCanceledException && CancellationToken.IsCancellationRequested)
        {
            _completion.TrySetCanceled(CancellationToken);
        }
        else
        {
            _completion.TrySetException(exception);
        }
    }
}
