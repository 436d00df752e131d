using CitizenBot.Escalation;
using CitizenBot.Escalation.Org;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace CitizenBot.Bot.Auth;

/// <summary>
/// Staff accounts: the people of org.yaml with passwords from <see cref="CredentialStore"/>, hashed with ASP.NET Core
/// Identity's <see cref="PasswordHasher{TUser}"/> (PBKDF2-HMAC-SHA512, salted, versioned so stronger settings
/// rehash on the next sign-in).
/// </summary>
internal sealed class StaffAccounts(
    CredentialStore store,
    EscalationModule escalation,
    IOptions<AuthOptions> options,
    IHostEnvironment environment,
    TimeProvider timeProvider,
    ILogger<StaffAccounts> logger)
{
    /// <summary>New passwords: long enough to resist guessing at the hash's cost.</summary>
    public const int MinPasswordLength = 8;

    // Stateless apart from its options, so one instance serves every request.
    private static readonly PasswordHasher<StaffUser> Hasher = new();

    // Verifying a password costs ~50 ms of PBKDF2; an unknown user is checked against this dummy hash so the answer
    // takes as long as for a real one and does not reveal which ids exist.
    private static readonly Lazy<string> DummyHash = new(() => Hasher.HashPassword(null!, Guid.NewGuid().ToString("N")));

    private OrgTree Tree => escalation.OrgTree;

    /// <summary>
    /// Creates the store and gives every person without a password the configured seed password. Throws
    /// <see cref="InvalidOperationException"/> with a clear message when someone needs a password and none is
    /// configured.
    /// </summary>
    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        await store.InitializeAsync(cancellationToken);
        var missing = await store.MissingAsync(Tree.People.Select(p => p.Id), cancellationToken);
        if (missing.Count == 0)
        {
            return;
        }

        var seed = options.Value.SeedPassword;
        if (string.IsNullOrWhiteSpace(seed) || seed.Length < MinPasswordLength)
        {
            throw new InvalidOperationException(
                $"{missing.Count} staff account(s) in org.yaml have no password yet and Auth:SeedPassword is " +
                (string.IsNullOrWhiteSpace(seed) ? "not set " : $"shorter than {MinPasswordLength} characters ") +
                $"(environment: {environment.EnvironmentName}). Start once with --Auth:SeedPassword <at least 8 characters> " +
                "(or the environment variable Auth__SeedPassword); each person then changes it at first sign-in.");
        }

        // One hash for all: everyone starts with the same secret, so separate salts would hide nothing, and hashing
        // a hundred accounts one by one would add seconds to the first start. A changed password gets its own salt.
        var hash = Hasher.HashPassword(null!, seed);
        await store.SeedAsync(missing, hash, timeProvider.GetUtcNow(), cancellationToken);
        Log.AccountsSeeded(logger, missing.Count);
    }

    public async Task<SignInResult> SignInAsync(string userId, string password, CancellationToken cancellationToken)
    {
        var person = Tree.FindPerson(userId);
        var credential = person is null ? null : await store.FindAsync(person.Id, cancellationToken);
        if (person is null || credential is null)
        {
            Hasher.VerifyHashedPassword(null!, DummyHash.Value, password);
            return new SignInResult(SignInOutcome.Invalid);
        }

        var now = timeProvider.GetUtcNow();
        if (credential.LockedUntil is { } lockedUntil && lockedUntil > now)
        {
            return new SignInResult(SignInOutcome.LockedOut, LockedUntil: lockedUntil);
        }

        var verdict = Hasher.VerifyHashedPassword(null!, credential.PasswordHash, password);
        if (verdict == PasswordVerificationResult.Failed)
        {
            var settings = options.Value;
            await store.RecordFailureAsync(person.Id, settings.MaxFailedAttempts, now + settings.LockoutDuration, cancellationToken);
            Log.SignInFailed(logger, person.Id);
            return new SignInResult(SignInOutcome.Invalid);
        }

        var rehashed = verdict == PasswordVerificationResult.SuccessRehashNeeded && !credential.IsSeed
            ? Hasher.HashPassword(null!, password)
            : null;
        await store.RecordSuccessAsync(person.Id, rehashed, cancellationToken);
        return new SignInResult(SignInOutcome.Succeeded, StaffUser.From(person, Tree), credential.IsSeed);
    }

    /// <summary>Whether the person still uses the seed password.</summary>
    public async Task<bool> MustChangePasswordAsync(string personId, CancellationToken cancellationToken) =>
        (await store.FindAsync(personId, cancellationToken))?.IsSeed ?? true;

    /// <summary>Replaces the password after checking the current one; the same throttling applies as for sign-in.</summary>
    public async Task<SignInResult> ChangePasswordAsync(string personId, string currentPassword, string newPassword, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(newPassword);
        var check = await SignInAsync(personId, currentPassword, cancellationToken);
        if (check.Outcome != SignInOutcome.Succeeded)
        {
            return check;
        }

        await store.SetPasswordAsync(personId, Hasher.HashPassword(null!, newPassword), timeProvider.GetUtcNow(), cancellationToken);
        Log.PasswordChanged(logger, personId);
        return check with { MustChangePassword = false };
    }
}
