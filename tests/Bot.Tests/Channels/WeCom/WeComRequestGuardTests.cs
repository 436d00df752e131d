using System.Globalization;
using CitizenBot.Bot.Channels.WeCom;
using Microsoft.Extensions.Options;

namespace CitizenBot.Bot.Tests.Channels.WeCom;

/// <summary>Freshness (five minutes either way by default) and replay refusal of signed callbacks.</summary>
public sealed class WeComRequestGuardTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 8, 0, 0, TimeSpan.Zero);

    private readonly ManualClock _clock = new(Now);

    [Theory]
    [InlineData(0)]
    [InlineData(-300)]
    [InlineData(300)]
    public void Admit_Accepts_WhenTheTimestampIsWithinTheSkew(int offsetSeconds)
    {
        Assert.Null(Guard().Admit("sig", At(offsetSeconds), "nonce"));
    }

    [Theory]
    [InlineData(-301)]
    [InlineData(301)]
    [InlineData(-86_400 * 365 * 12)]
    public void Admit_RefusesAsStale_WhenTheTimestampIsOutsideTheSkew(int offsetSeconds)
    {
        Assert.Equal(WeComRejection.Stale, Guard().Admit("sig", At(offsetSeconds), "nonce"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("-1")]
    [InlineData("1e9")]
    [InlineData("99999999999999999999")]
    public void Admit_RefusesAsStale_WhenTheTimestampIsNotUnixSeconds(string timestamp)
    {
        Assert.Equal(WeComRejection.Stale, Guard().Admit("sig", timestamp, "nonce"));
    }

    [Fact]
    public void Admit_RefusesAsReplayed_WhenTheSameRequestComesAgain()
    {
        var guard = Guard();
        var timestamp = At(0);

        Assert.Null(guard.Admit("sig", timestamp, "nonce"));
        _clock.Advance(TimeSpan.FromMinutes(4));

        Assert.Equal(WeComRejection.Replayed, guard.Admit("sig", timestamp, "nonce"));
        Assert.Equal(WeComRejection.Replayed, guard.Admit("SIG", timestamp, "nonce"));
        Assert.Null(guard.Admit("sig", timestamp, "other-nonce"));
    }

    [Fact]
    public void Admit_StillRefuses_AfterTheRequestIsForgotten_BecauseItIsStaleByThen()
    {
        var guard = Guard();
        var timestamp = At(0);
        Assert.Null(guard.Admit("sig", timestamp, "nonce"));

        _clock.Advance(TimeSpan.FromMinutes(6));
        Assert.Null(guard.Admit("sig2", At(0), "nonce")); // sweeps the first, now expired

        Assert.Equal(WeComRejection.Stale, guard.Admit("sig", timestamp, "nonce"));
    }

    [Fact]
    public void Admit_UsesTheConfiguredSkew()
    {
        var guard = Guard(TimeSpan.FromMinutes(1));

        Assert.Equal(WeComRejection.Stale, guard.Admit("sig", At(-61), "nonce"));
        Assert.Null(guard.Admit("sig", At(-59), "nonce"));
    }

    private WeComRequestGuard Guard(TimeSpan? skew = null) =>
        new(_clock, Options.Create(new WeComOptions { MaxClockSkew = skew ?? TimeSpan.FromMinutes(5) }));

    private string At(int offsetSeconds) =>
        (_clock.GetUtcNow().ToUnixTimeSeconds() + offsetSeconds).ToString(CultureInfo.InvariantCulture);
}
