using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace CitizenBot.Bot.Hosting;

/// <summary>
/// Declares the staff bearer token in the OpenAPI document, so a client generator or a reader sees how to call the
/// staff endpoints: <c>POST /api/auth/token</c>, then <c>Authorization: Bearer &lt;token&gt;</c>.
/// </summary>
internal sealed class BearerSecuritySchemeTransformer : IOpenApiDocumentTransformer
{
    public const string SchemeName = "Bearer";

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[SchemeName] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            Description = "Staff token from POST /api/auth/token ({\"user\",\"password\"} → {\"token\"}).",
        };
        return Task.CompletedTask;
    }
}
