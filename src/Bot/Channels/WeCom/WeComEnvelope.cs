namespace CitizenBot.Bot.Channels.WeCom;

/// <summary>The outer XML of a callback POST: who it is for, and the ciphertext of the message.</summary>
/// <param name="ToUserName">The corporation id, in clear (the encrypted receiver id is what is checked).</param>
/// <param name="AgentId">The application's AgentID, if sent.</param>
/// <param name="Encrypt">The base64 ciphertext the signature covers.</param>
internal sealed record WeComEnvelope(string? ToUserName, string? AgentId, string Encrypt);
