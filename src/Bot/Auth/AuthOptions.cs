using System.ComponentModel.DataAnnotations;

namespace CitizenBot.Bot.Auth;

/// <summary>Staff sign-in settings, section <c>Auth</c>.</summary>
internal sealed class AuthOptions
{
    public const string SectionName = "Auth";

    /// <summary>
    /// The first password of every person in org.yaml who has none yet (all of them on first start). Required when
    /// such people exist; each person should change it at first sign-in. Never a default in code: a forgotten
    /// setting must stop the service, not open it.
    /// </summary>
    public string? SeedPassword { get; set; }

    /// <summary>How long a token from <c>POST /api/auth/token</c> is valid; a shift and some.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "7.00:00:00")]
    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromHours(12);

    /// <summary>Wrong passwords in a row before an account is locked for <see cref="LockoutDuration"/>.</summary>
    [Range(1, 100)]
    public int MaxFailedAttempts { get; set; } = 5;

    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan LockoutDuration { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>The file of the credential store, in the data directory.</summary>
    [Required]
    public string DatabaseFileName { get; set; } = "accounts.db";
}
