using CitizenBot.Bot.Hosting;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;

namespace CitizenBot.Bot.Auth;

/// <summary>Registers staff sign-in: bearer tokens, the credential store and the policies.</summary>
internal static class AuthHostingExtensions
{
    public static WebApplicationBuilder AddStaffAuth(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<AuthOptions>()
            .Bind(builder.Configuration.GetSection(AuthOptions.SectionName), o => o.ErrorOnUnknownConfiguration = true)
            .ValidateDataAnnotations()
            .ValidateOnStart();

        var dataDirectory = HostDataDirectory.Of(builder.Configuration);

        // Tokens are sealed with Data Protection; its keys live in the data directory so tokens survive a restart
        // and each deployment (and each test's data directory) has keys of its own.
        services.AddDataProtection()
            .SetApplicationName("CitizenBot")
            .PersistKeysToFileSystem(new DirectoryInfo(Path.Combine(dataDirectory, "keys")));
        services.AddAuthentication(BearerTokenDefaults.AuthenticationScheme).AddBearerToken();
        services.AddOptions<BearerTokenOptions>(BearerTokenDefaults.AuthenticationScheme)
            .Configure<IOptions<AuthOptions>>((bearer, auth) => bearer.BearerTokenExpiration = auth.Value.TokenLifetime);
        services.AddAuthorizationBuilder().AddStaffPolicies();

        services.AddSingleton(sp => new CredentialStore(Path.Combine(dataDirectory, sp.GetRequiredService<IOptions<AuthOptions>>().Value.DatabaseFileName)));
        services.AddSingleton<StaffAccounts>();
        return builder;
    }

    /// <summary>Opens the credential store and seeds missing passwords; after the escalation module (it reads org.yaml).</summary>
    public static async Task InitializeStaffAccountsAsync(this WebApplication app) =>
        await app.Services.GetRequiredService<StaffAccounts>().InitializeAsync(app.Lifetime.ApplicationStopping);
}
