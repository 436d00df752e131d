namespace CitizenBot.Benchmarks;

/// <summary>A clock the sweeper benchmark sets: it stands where it was put, so a tick sees exactly the rows due by then.</summary>
internal sealed class BenchClock(DateTimeOffset start) : TimeProvider
{
    private long _utcTicks = start.UtcTicks;

    public DateTimeOffset Now
    {
        get => new(Interlocked.Read(ref _utcTicks), TimeSpan.Zero);
        set => Interlocked.Exchange(ref _utcTicks, value.UtcTicks);
    }

    public override DateTimeOffset GetUtcNow() => Now;
}
