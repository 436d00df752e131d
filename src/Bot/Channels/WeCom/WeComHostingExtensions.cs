namespace CitizenBot.Bot.Channels.WeCom;

/// <summary>
/// Registers the 企业微信 callback channel; off (routes answer 404) while section <c>WeCom</c> is empty. Uses the
/// chat gateway and resident outbox that <c>AddDialogue</c> registers.
/// </summary>
internal static class WeComHostingExtensions
{
    public static WebApplicationBuilder AddWeComChannel(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<WeComOptions>()
            .BindConfiguration(WeComOptions.SectionName)
            .ValidateDataAnnotations()
            .Validate(o => o.HasValidCredentials(), "WeCom: Token, EncodingAESKey (43 base64 characters) and CorpId must all be set, or none.")
            .ValidateOnStart();
        builder.Services.AddSingleton<WeComRequestGuard>();
        builder.Services.AddSingleton<WeComChannel>();
        return builder;
    }
}
