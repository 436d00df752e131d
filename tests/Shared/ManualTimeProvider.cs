namespace CitizenBot.Testing;

/// <summary>
/// A test clock in FakeTimeProvider's shape (that package cannot be restored here): time stands still until
/// <see cref="Advance"/>, which then fires every timer that has come due, on the calling thread. A periodic timer
/// overtaken by several periods fires once, as a real timer does after a pause, so <see cref="PeriodicTimer"/> sees one
/// tick. A timer due now (due time zero) fires at the next <see cref="Advance"/>, which may be by <see cref="TimeSpan.Zero"/>.
/// </summary>
internal sealed class ManualTimeProvider(DateTimeOffset start) : TimeProvider
{
    private readonly Lock _lock = new();
    private readonly List<ManualTimer> _timers = [];
    private DateTimeOffset _now = start.ToUniversalTime();

    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;

    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    public override DateTimeOffset GetUtcNow()
    {
        lock (_lock)
        {
            return _now;
        }
    }

    public override long GetTimestamp() => GetUtcNow().UtcTicks;

    /// <summary>Moves the clock forward and fires the timers that came due, outside the clock's lock.</summary>
    public void Advance(TimeSpan delta)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(delta, TimeSpan.Zero);
        List<ManualTimer> due;
        lock (_lock)
        {
            _now += delta;
            due = [.. _timers.Where(t => t.TakeIfDue_NeedsLock(_now))];
        }

        foreach (var timer in due)
        {
            timer.Fire();
        }
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        ArgumentNullException.ThrowIfNull(callback);
        var timer = new ManualTimer(this, callback, state);
        lock (_lock)
        {
            _timers.Add(timer);
        }

        timer.Change(dueTime, period);
        return timer;
    }

    private sealed class ManualTimer(ManualTimeProvider owner, TimerCallback callback, object? state) : ITimer
    {
        private DateTimeOffset? _dueAt;
        private TimeSpan _period;
        private bool _disposed;

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            lock (owner._lock)
            {
                if (_disposed)
                {
                    return false;
                }

                _dueAt = dueTime == Timeout.InfiniteTimeSpan ? null : owner._now + dueTime;
                _period = period;
                return true;
            }
        }

        /// <summary>True when due at <paramref name="now"/>; then schedules the next period after <paramref name="now"/>, or disarms.</summary>
        public bool TakeIfDue_NeedsLock(DateTimeOffset now)
        {
            if (_disposed || _dueAt is not { } dueAt || dueAt > now)
            {
                return false;
            }

            if (_period <= TimeSpan.Zero || _period == Timeout.InfiniteTimeSpan)
            {
                _dueAt = null;
            }
            else
            {
                var missed = (now - dueAt).Ticks / _period.Ticks;
                _dueAt = dueAt + (_period * (missed + 1));
            }

            return true;
        }

        public void Fire() => callback(state);

        public void Dispose()
        {
            lock (owner._lock)
            {
                _disposed = true;
                _dueAt = null;
                owner._timers.Remove(this);
            }
        }

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
