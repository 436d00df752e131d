namespace CitizenBot.Bot.Auth;

/// <summary>A bearer token and who it is for.</summary>
/// <param name="Token">Send as <c>Authorization: Bearer &lt;token&gt;</c>.</param>
/// <param name="ExpiresAt">When the token stops working (UTC).</param>
/// <param name="User">The signed-in person.</param>
internal sealed record TokenResponse(string Token, DateTimeOffset ExpiresAt, MeResponse User);
