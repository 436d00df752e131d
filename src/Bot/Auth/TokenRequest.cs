namespace CitizenBot.Bot.Auth;

/// <summary>The body of <c>POST /api/auth/token</c>.</summary>
/// <param name="User">The person id from org.yaml, e.g. <c>w-xyz-01-01</c> or <c>district</c>.</param>
/// <param name="Password">The person's password.</param>
internal sealed record TokenRequest(string? User, string? Password);
