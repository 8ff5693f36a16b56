using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.AspNetCore.Routing.Template;
using Microsoft.Net.Http.Headers;

namespace ExpenseFlow.BuildingBlocks.Infrastructure.Web;

/// <summary>
/// The answer for an /api address no endpoint took. Routing hands such a request to the catch-all when an endpoint
/// exists at the address but not for this method (405) or this content type (415), as well as when there is no
/// endpoint at all (404); this tells the three apart so the client learns what to fix.
/// </summary>
public sealed class ApiFallback(EndpointDataSource endpoints)
{
    private List<(TemplateMatcher Matcher, RouteEndpoint Endpoint)>? _routes;

    public IResult Answer(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var request = context.Request;
        var atAddress = Routes().Where(r => r.Matcher.TryMatch(request.Path, new RouteValueDictionary())).Select(r => r.Endpoint).ToList();
        if (atAddress.Count == 0)
        {
            return ApiProblems.Result(ApiProblems.NotFoundRoute, context);
        }

        var forMethod = atAddress.Where(e => e.Metadata.GetMetadata<IHttpMethodMetadata>() is not { } m
            || m.HttpMethods.Contains(request.Method, StringComparer.OrdinalIgnoreCase)).ToList();
        if (forMethod.Count == 0)
        {
            context.Response.Headers.Allow = string.Join(", ", atAddress.SelectMany(e => e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? [])
                .Distinct(StringComparer.OrdinalIgnoreCase));
            return ApiProblems.Result(RequestErrors.MethodNotAllowed, context);
        }

        // The method fits: routing passed the endpoint over for the body's content type (or a route constraint failed).
        var accepted = forMethod.SelectMany(e => e.Metadata.GetMetadata<IAcceptsMetadata>()?.ContentTypes ?? []).ToList();
        if (accepted.Count > 0 && !accepted.Any(a => Accepts(a, request.ContentType)))
        {
            return ApiProblems.Result(RequestErrors.UnsupportedMediaType, context);
        }

        return ApiProblems.Result(ApiProblems.NotFoundRoute, context);
    }

    private static bool Accepts(string accepted, string? contentType) =>
        MediaTypeHeaderValue.TryParse(contentType, out var actual) && MediaTypeHeaderValue.TryParse(accepted, out var expected)
        && actual.IsSubsetOf(expected);

    private List<(TemplateMatcher Matcher, RouteEndpoint Endpoint)> Routes() => _routes ??= endpoints.Endpoints.OfType<RouteEndpoint>()
        .Where(e => e.Order < int.MaxValue && e.RoutePattern.RawText is { } raw && raw.TrimStart('/').StartsWith("api/", StringComparison.OrdinalIgnoreCase)
            && !raw.Contains("{**", StringComparison.Ordinal))
        .Select(e => (new TemplateMatcher(TemplateParser.Parse(e.RoutePattern.RawText!.TrimStart('/')), Defaults(e.RoutePattern)), e))
        .ToList();

    private static RouteValueDictionary Defaults(RoutePattern pattern) => new(pattern.Defaults);
}
