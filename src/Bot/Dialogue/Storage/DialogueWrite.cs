namespace CitizenBot.Bot.Dialogue.Storage;

/// <summary>
/// One write waiting in <see cref="DialogueWriteQueue"/>: what to run on the writer's statements, and the task its
/// caller awaits, completed with the work's result only after the transaction carrying it has committed.
/// </summary>
internal sealed class DialogueWrite(Func<DialogueRowWriter, int> work, CancellationToken cancellationToken)
{
    // Continuations run elsewhere, so no caller's code ever runs on (and holds up) the writer loop.
    private readonly TaskCompletionSource<int> _result = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public CancellationToken CancellationToken { get; } = cancellationToken;

    public Task<int> Result => _result.Task;

    public int Run(DialogueRowWriter rows) => work(rows);

    public void Complete(int result) => _result.TrySetResult(result);

    public void Cancel() => _result.TrySetCanceled(CancellationToken);

    public void Fail(Exception exception) => _result.TrySetException(exception);
}
