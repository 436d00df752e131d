using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace CitizenBot.Bot.Hosting;

/// <summary>
/// Answers a request the framework could not bind (malformed JSON, a body of the wrong shape, a number that is not
/// one) with a 400 problem that says so, in every environment; without it Development rethrows such errors as 500s.
/// </summary>
internal sealed class BadRequestExceptionHandler(IProblemDetailsService problemDetails) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not BadHttpRequestException badRequest)
        {
            return false;
        }

        httpContext.Response.StatusCode = badRequest.StatusCode;
        return await problemDetails.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails = new ProblemDetails
            {
                Status = badRequest.StatusCode,
                Title = badRequest.StatusCode == StatusCodes.Status413PayloadTooLarge ? "请求内容过大" : "请求格式有误",
                // The framework's message names the parameter and what was wrong with it, never the payload.
                Detail = badRequest.Message,
            },
        });
    }
}
