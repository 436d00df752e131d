using System.Globalization;
using Microsoft.Extensions.Options;

namespace CitizenBot.Bot.Channels.WeCom;

/// <summary>
/// Refuses signed callbacks that are stale (timestamp further than <see cref="WeComOptions.MaxClockSkew"/> from now,
/// either way) or replayed (same signature, timestamp and nonce seen before). A request is remembered only until its
/// timestamp leaves the window, after which freshness alone refuses it, so memory is bounded by the traffic of one
/// window; a hard cap evicts the soonest-expiring entries first should a flood of validly signed requests exceed it.
/// Durable de-duplication is by message id, in the chat gateway. Thread-safe.
/// </summary>
internal sealed class WeComRequestGuard(TimeProvider timeProvider, IOptions<WeComOptions> options)
{
    /// <summary>Far above any real application's message rate over two skew windows.</summary>
    public const int MaxRemembered = 100_000;

    private readonly Lock _lock = new();
    private readonly HashSet<string> _seen = new(StringComparer.Ordinal);
    private readonly PriorityQueue<string, DateTimeOffset> _expiries = new();

    /// <summary>
    /// Null when the request is fresh and new (it is remembered from now on), else why not. Call only after the
    /// signature checked out, so forged requests cannot fill the memory or pre-empt a genuine one.
    /// </summary>
    public WeComRejection? Admit(string signature, string timestamp, string nonce)
    {
        if (!long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            || seconds > DateTimeOffset.MaxValue.ToUnixTimeSeconds())
        {
            return WeComRejection.Stale;
        }

        var sentAt = DateTimeOffset.FromUnixTimeSeconds(seconds);
        var skew = options.Value.MaxClockSkew;
        var now = timeProvider.GetUtcNow();
        if (sentAt < now - skew || sentAt > now + skew)
        {
            return WeComRejection.Stale;
        }

        var key = string.Concat(signature.ToLowerInvariant(), "|", timestamp, "|", nonce);
        lock (_lock)
        {
            ForgetExpired_NeedsLock(now);
            if (!_seen.Add(key))
            {
                return WeComRejection.Replayed;
            }

            _expiries.Enqueue(key, sentAt + skew);
            while (_seen.Count > MaxRemembered)
            {
                _seen.Remove(_expiries.Dequeue());
            }
        }

        return null;
    }

    private void ForgetExpired_NeedsLock(DateTimeOffset now)
    {
        while (_expiries.TryPeek(out var key, out var expiresAt) && expiresAt < now)
        {
            _expiries.Dequeue();
            _seen.Remove(key);
        }
    }
}
