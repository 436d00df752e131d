namespace CitizenBot.Knowledge.Tests.Curation;

/// <summary>A test clock: time moves only by <see cref="Advance"/>.</summary>
internal sealed class ManualClock(DateTimeOffset start) : TimeProvider
{
    private DateTimeOffset _now = start;

    public override DateTimeOffset GetUtcNow() => _now;

    public void Advance(TimeSpan by) => _now += by;
}
