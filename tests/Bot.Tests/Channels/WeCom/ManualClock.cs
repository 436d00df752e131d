namespace CitizenBot.Bot.Tests.Channels.WeCom;

/// <summary>A clock that moves only by <see cref="Advance"/> (FakeTimeProvider cannot be restored here); no timers needed.</summary>
internal sealed class ManualClock(DateTimeOffset start) : TimeProvider
{
    private DateTimeOffset _now = start;

    public override DateTimeOffset GetUtcNow() => _now;

    public void Advance(TimeSpan delta) => _now += delta;
}
