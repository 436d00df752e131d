using CitizenBot.Escalation;
using CitizenBot.Escalation.Sla;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace CitizenBot.Bot.Auth;

/// <summary>Staff sign-in: <c>/api/auth</c>.</summary>
internal static class AuthEndpoints
{
    private const int MaxFieldLength = 200;

    public static IEndpointRouteBuilder MapAuthEndpoints(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/auth").WithTags("Auth");
        api.MapPost("/token", IssueTokenAsync).WithName("IssueToken").AllowAnonymous();
        api.MapGet("/me", GetMeAsync).WithName("GetMe").RequireAuthorization(StaffPolicies.Staff);
        api.MapPost("/password", ChangePasswordAsync).WithName("ChangePassword").RequireAuthorization(StaffPolicies.Staff);
        return app;
    }

    /// <summary>Exchanges a person id and password for a bearer token.</summary>
    public static async Task<Results<Ok<TokenResponse>, ValidationProblem, ProblemHttpResult>> IssueTokenAsync(
        TokenRequest request,
        StaffAccounts accounts,
        EscalationModule escalation,
        IOptionsMonitor<BearerTokenOptions> bearerOptions,
        IOptions<AuthOptions> authOptions,
        TimeProvider timeProvider,
        ILogger<StaffAccounts> logger,
        CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        RequireText(errors, "user", request.User, "请填写账号。");
        RequireText(errors, "password", request.Password, "请填写密码。");
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var result = await accounts.SignInAsync(request.User!.Trim(), request.Password!, cancellationToken);
        switch (result.Outcome)
        {
            case SignInOutcome.LockedOut:
                return TypedResults.Problem(
                    statusCode: StatusCodes.Status429TooManyRequests,
                    title: "账号已临时锁定",
                    detail: $"密码错误次数过多，请于 {BeijingClock(result.LockedUntil!.Value)} 后再试，或联系管理员。");
            case SignInOutcome.Invalid:
                return TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "账号或密码错误", detail: "请检查账号和密码后重试。");
        }

        var user = result.User!;
        var expiresAt = timeProvider.GetUtcNow() + authOptions.Value.TokenLifetime;
        var scheme = BearerTokenDefaults.AuthenticationScheme;
        var ticket = new AuthenticationTicket(user.ToPrincipal(scheme), new AuthenticationProperties { ExpiresUtc = expiresAt }, scheme);
        var token = bearerOptions.Get(scheme).BearerTokenProtector.Protect(ticket);
        Log.SignedIn(logger, user.PersonId);
        return TypedResults.Ok(new TokenResponse(token, expiresAt, MeResponse.From(user, escalation.OrgTree, result.MustChangePassword)));
    }

    /// <summary>Who the token belongs to.</summary>
    public static async Task<Ok<MeResponse>> GetMeAsync(StaffUser user, StaffAccounts accounts, EscalationModule escalation, CancellationToken cancellationToken) =>
        TypedResults.Ok(MeResponse.From(user, escalation.OrgTree, await accounts.MustChangePasswordAsync(user.PersonId, cancellationToken)));

    /// <summary>Changes the signed-in person's password; the current one is required.</summary>
    public static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> ChangePasswordAsync(
        ChangePasswordRequest request,
        StaffUser user,
        StaffAccounts accounts,
        CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        RequireText(errors, "currentPassword", request.CurrentPassword, "请填写当前密码。");
        RequireText(errors, "newPassword", request.NewPassword, "请填写新密码。");
        if (request.NewPassword is { } next && !string.IsNullOrWhiteSpace(next))
        {
            if (next.Length < StaffAccounts.MinPasswordLength)
            {
                errors["newPassword"] = [$"新密码至少 {StaffAccounts.MinPasswordLength} 位。"];
            }
            else if (string.Equals(next, request.CurrentPassword, StringComparison.Ordinal))
            {
                errors["newPassword"] = ["新密码不能与当前密码相同。"];
            }
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var result = await accounts.ChangePasswordAsync(user.PersonId, request.CurrentPassword!, request.NewPassword!, cancellationToken);
        return result.Outcome switch
        {
            SignInOutcome.Succeeded => TypedResults.NoContent(),
            SignInOutcome.LockedOut => TypedResults.Problem(statusCode: StatusCodes.Status429TooManyRequests, title: "账号已临时锁定", detail: $"密码错误次数过多，请于 {BeijingClock(result.LockedUntil!.Value)} 后再试。"),
            _ => TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["currentPassword"] = ["当前密码不正确。"] }),
        };
    }

    private static void RequireText(Dictionary<string, string[]> errors, string field, string? value, string message)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            errors[field] = [message];
        }
        else if (value.Length > MaxFieldLength)
        {
            errors[field] = [$"长度不能超过 {MaxFieldLength} 个字符。"];
        }
    }

    private static string BeijingClock(DateTimeOffset utc) =>
        utc.ToOffset(BeijingTime.Offset).ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture);
}
