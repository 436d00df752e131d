namespace CitizenBot.Bot.Auth;

/// <summary>The body of <c>POST /api/auth/password</c>.</summary>
internal sealed record ChangePasswordRequest(string? CurrentPassword, string? NewPassword);
