namespace CitizenBot.Bot.Auth;

/// <summary>How a sign-in attempt ended.</summary>
internal enum SignInOutcome
{
    Succeeded,

    /// <summary>Unknown user or wrong password: the two are never told apart to the caller.</summary>
    Invalid,

    /// <summary>Too many wrong passwords in a row; refused until the lockout ends, even with the right one.</summary>
    LockedOut,
}
