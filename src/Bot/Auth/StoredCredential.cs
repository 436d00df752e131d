namespace CitizenBot.Bot.Auth;

/// <summary>A person's stored password hash and sign-in throttling state.</summary>
/// <param name="PersonId">The org.yaml person id.</param>
/// <param name="PasswordHash">ASP.NET Core Identity's PBKDF2 hash format (salt and iteration count inside).</param>
/// <param name="IsSeed">True while the password is still the seed everyone started with.</param>
/// <param name="FailedAttempts">Wrong passwords since the last success or lockout.</param>
/// <param name="LockedUntil">Sign-in refused until then (UTC); null when not locked.</param>
internal sealed record StoredCredential(string PersonId, string PasswordHash, bool IsSeed, int FailedAttempts, DateTimeOffset? LockedUntil);
