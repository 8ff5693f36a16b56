using ExpenseFlow.BuildingBlocks.Errors;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace ExpenseFlow.BuildingBlocks.Infrastructure.Web;

/// <summary>Origins besides the host's own that may send state-changing requests (Security:AllowedOrigins).</summary>
public sealed class RequestSecurityOptions
{
    public IList<string> AllowedOrigins { get; } = [];
}

/// <summary>
/// The second line of defence behind SameSite=Strict cookies, and the headers every response carries.
/// A state-changing API request whose Origin (or, without one, Referer) is another site is refused before any handler
/// runs; a request with neither comes from a non-browser client (CLI, scripts), which holds no cookie of a user's browser.
/// </summary>
public static class RequestSecurity
{
    public static readonly Error ForeignOrigin = new("General.ForeignOrigin", ErrorKind.Forbidden,
        "This request came from another site and was refused.", "该请求来自其他网站，已被拒绝。");

    /// <summary>
    /// The portal's policy: its own scripts only; Angular and Material write inline styles; receipts are shown from blob:
    /// URLs, recognised boxes from data: URLs; nothing may frame the portal.
    /// </summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; " +
        "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    public static IApplicationBuilder UseRequestSecurity(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var headers = context.Response.Headers;
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "same-origin";
        headers.ContentSecurityPolicy = ContentSecurityPolicy;
        if (context.Request.IsHttps)
        {
            headers.StrictTransportSecurity = "max-age=31536000; includeSubDomains";
        }

        if (IsStateChanging(context.Request) && !FromAllowedSite(context))
        {
            await ApiProblems.WriteAsync(context, ForeignOrigin);
            return;
        }

        await next(context);
    });

    private static bool IsStateChanging(HttpRequest request) =>
        !(HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method) || HttpMethods.IsOptions(request.Method) || HttpMethods.IsTrace(request.Method));

    private static bool FromAllowedSite(HttpContext context)
    {
        var request = context.Request;
        string? source = request.Headers.Origin;
        if (string.IsNullOrEmpty(source))
        {
            source = request.Headers.Referer;
        }

        if (string.IsNullOrEmpty(source))
        {
            return true;
        }

        // "null" is what a sandboxed frame or a file: page sends: never our portal.
        if (!Uri.TryCreate(source, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
        {
            return false;
        }

        var origin = uri.GetLeftPart(UriPartial.Authority);
        var own = $"{request.Scheme}://{request.Host.Value}";
        if (string.Equals(origin, own, StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        var allowed = context.RequestServices.GetService(typeof(IOptions<RequestSecurityOptions>)) as IOptions<RequestSecurityOptions>;
        return allowed?.Value.AllowedOrigins.Any(a => string.Equals(a.TrimEnd('/'), origin, StringComparison.OrdinalIgnoreCase)) == true;
    }
}
