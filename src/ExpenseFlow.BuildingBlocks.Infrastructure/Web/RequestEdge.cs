using System.Globalization;
using ExpenseFlow.BuildingBlocks.Errors;
using ExpenseFlow.BuildingBlocks.Infrastructure.Web.Input;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace ExpenseFlow.BuildingBlocks.Infrastructure.Web;

/// <summary>
/// The edge of every API request, before routing hands it to an endpoint: what the framework would otherwise answer
/// with an empty 400/404/415, a 500 from deep inside a reader, or by storing a NUL. The address and query may not
/// carry control characters; a JSON body must be UTF-8; a multipart body is read here, whole, so a truncated body or
/// a wrong boundary is a coded 400 (and a file name with a control character too) before any handler sees it.
/// </summary>
public static class RequestEdge
{
    private static readonly Dictionary<int, Error> ByStatus = new()
    {
        [400] = RequestErrors.Rejected,
        [401] = ApiProblems.Unauthenticated,
        [403] = ApiProblems.Forbidden,
        [404] = ApiProblems.NotFoundRoute,
        [405] = RequestErrors.MethodNotAllowed,
        [413] = RequestErrors.TooLarge,
        [415] = RequestErrors.UnsupportedMediaType,
    };

    public static bool IsApi(HttpRequest request) => request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase);

    public static IApplicationBuilder UseRequestEdge(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var request = context.Request;
        if (!IsApi(request))
        {
            await next(context);
            return;
        }

        var (error, fields) = CheckAddress(request) ?? CheckContentType(request) ?? await ReadFormAsync(request);
        if (error is not null)
        {
            await ApiProblems.WriteAsync(context, error, fields);
            return;
        }

        await next(context);
    });

    /// <summary>An error answer with no body (from the framework or a handler) gets a ProblemDetails with a code.</summary>
    public static IApplicationBuilder UseProblemStatusPages(this IApplicationBuilder app) => app.UseStatusCodePages(async context =>
    {
        var http = context.HttpContext;
        if (!IsApi(http.Request))
        {
            return;
        }

        var status = http.Response.StatusCode;
        var problem = ApiProblems.Create(ByStatus.GetValueOrDefault(status, RequestErrors.Rejected), http);
        problem.Status = status;
        await http.Response.WriteAsJsonAsync(problem, options: null, contentType: "application/problem+json");
    });

    private static (Error?, IReadOnlyDictionary<string, string[]>?)? CheckAddress(HttpRequest request)
    {
        var culture = CultureInfo.CurrentUICulture;
        if (TextRules.Clean(request.Path.Value ?? string.Empty, out _) is { } pathProblem)
        {
            return (RequestErrors.InvalidInput, new Dictionary<string, string[]> { ["path"] = [pathProblem.Message(culture)] });
        }

        foreach (var (key, values) in request.Query)
        {
            foreach (var text in values.Append(key))
            {
                if (text is not null && TextRules.Clean(text, out _) is { } problem)
                {
                    return (RequestErrors.InvalidInput, new Dictionary<string, string[]> { [Safe(key)] = [problem.Message(culture)] });
                }
            }
        }

        return null;
    }

    private static (Error?, IReadOnlyDictionary<string, string[]>?)? CheckContentType(HttpRequest request)
    {
        string? contentType = request.ContentType;
        if (string.IsNullOrEmpty(contentType))
        {
            return null;
        }

        if (!MediaTypeHeaderValue.TryParse(contentType, out var media))
        {
            return (RequestErrors.UnsupportedMediaType, null);
        }

        var type = media.MediaType.Value ?? string.Empty;
        var isJson = type.Equals("application/json", StringComparison.OrdinalIgnoreCase) || type.EndsWith("+json", StringComparison.OrdinalIgnoreCase);
        var charset = media.Charset.Value?.Trim('"');
        if (isJson && !string.IsNullOrEmpty(charset) && !charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase)
            && !charset.Equals("utf8", StringComparison.OrdinalIgnoreCase))
        {
            return (RequestErrors.UnsupportedMediaType, null);
        }

        if (type.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase))
        {
            var boundary = HeaderUtilities.RemoveQuotes(media.Boundary).Value;
            if (string.IsNullOrWhiteSpace(boundary) || boundary.Length > 70)
            {
                return (RequestErrors.MalformedMultipart, null);
            }
        }

        return null;
    }

    private static async Task<(Error?, IReadOnlyDictionary<string, string[]>?)> ReadFormAsync(HttpRequest request)
    {
        // Only for an endpoint of the API (authorised by now), not the catch-all: nobody else gets a body buffered.
        if (!request.HasFormContentType || request.HttpContext.GetEndpoint() is not Microsoft.AspNetCore.Routing.RouteEndpoint endpoint
            || endpoint.RoutePattern.RawText?.Contains("{**", StringComparison.Ordinal) != false)
        {
            return (null, null);
        }

        IFormCollection form;
        try
        {
            form = await request.ReadFormAsync(request.HttpContext.RequestAborted);
        }
        catch (InvalidDataException e) when (e.Message.Contains("limit", StringComparison.OrdinalIgnoreCase))
        {
            return (RequestErrors.TooLarge, null);
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return (RequestErrors.TooLarge, null);
        }
        catch (Exception e) when (e is IOException or InvalidDataException or BadHttpRequestException or FormatException)
        {
            return (RequestErrors.MalformedMultipart, null);
        }

        var culture = CultureInfo.CurrentUICulture;
        var problems = new Dictionary<string, string[]>();
        foreach (var file in form.Files)
        {
            if (TextRules.Clean(file.FileName, out _) is { } problem)
            {
                problems[$"{Safe(file.Name)}.fileName"] = [problem.Message(culture)];
            }
        }

        foreach (var (key, values) in form)
        {
            foreach (var text in values.Append(key))
            {
                if (text is not null && TextRules.Clean(text, out _) is { } problem)
                {
                    problems[Safe(key)] = [problem.Message(culture)];
                }
            }
        }

        return problems.Count == 0 ? (null, null) : (RequestErrors.InvalidInput, problems);
    }

    /// <summary>A key echoed back in the answer, without the characters it was refused for.</summary>
    private static string Safe(string key) => new(key.Where(c => !TextRules.IsForbidden(c) && !char.IsSurrogate(c)).Take(100).ToArray());
}
