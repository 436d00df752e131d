namespace CitizenBot.Bot.Tests.Dialogue.Storage;

/// <summary>A clock that stands still until <see cref="Advance"/>; the dialogue store reads time and sets no timers.</summary>
internal sealed class DialogueTestClock(DateTimeOffset start) : TimeProvider
{
    private long _utcTicks = start.UtcTicks;

    public override DateTimeOffset GetUtcNow() => new(Interlocked.Read(ref _utcTicks), TimeSpan.Zero);

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
        throw new NotSupportedException("The dialogue store tests need no timers.");

    public void Advance(TimeSpan delta) => Interlocked.Add(ref _utcTicks, delta.Ticks);
}
