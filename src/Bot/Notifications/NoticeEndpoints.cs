using CitizenBot.Bot.Auth;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CitizenBot.Bot.Notifications;

/// <summary>The signed-in person's notices: <c>GET /api/notices</c>.</summary>
internal static class NoticeEndpoints
{
    public static IEndpointRouteBuilder MapNoticeEndpoints(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/notices").WithTags("Notices").RequireAuthorization(StaffPolicies.Staff);
        api.MapGet("/", GetNotices).WithName("GetNotices");
        return app;
    }

    /// <summary>The latest notices for the caller, newest first.</summary>
    public static Ok<IReadOnlyList<StaffNotice>> GetNotices(StaffUser user, StaffInbox inbox) =>
        TypedResults.Ok(inbox.For(user.PersonId));
}
