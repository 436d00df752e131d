namespace CitizenBot.Bot.Auth;

/// <summary>The result of <see cref="StaffAccounts.SignInAsync"/>.</summary>
/// <param name="Outcome">What happened.</param>
/// <param name="User">The person, when <see cref="SignInOutcome.Succeeded"/>.</param>
/// <param name="MustChangePassword">True while the person still uses the seed password.</param>
/// <param name="LockedUntil">When a lockout ends (UTC), for <see cref="SignInOutcome.LockedOut"/>.</param>
internal sealed record SignInResult(SignInOutcome Outcome, StaffUser? User = null, bool MustChangePassword = false, DateTimeOffset? LockedUntil = null);
