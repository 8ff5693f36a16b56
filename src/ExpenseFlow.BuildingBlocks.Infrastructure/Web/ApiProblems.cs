using System.Globalization;
using ExpenseFlow.BuildingBlocks.Errors;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace ExpenseFlow.BuildingBlocks.Infrastructure.Web;

/// <summary>Turns an <see cref="Error"/> into RFC 7807 ProblemDetails in the caller's language.</summary>
public static class ApiProblems
{
    public static readonly Error MalformedRequest = new("General.MalformedRequest", ErrorKind.Validation,
        "The request body could not be read.", "无法读取请求内容。");

    public static readonly Error Concurrency = new("General.ConcurrencyConflict", ErrorKind.Conflict,
        "Someone else changed this record at the same time. Reload and try again.", "该记录已被他人同时修改，请刷新后重试。");

    public static readonly Error Duplicate = new("General.Duplicate", ErrorKind.Conflict,
        "A record with the same key already exists.", "已存在相同标识的记录。");

    public static readonly Error Unexpected = new("General.Unexpected", ErrorKind.Unprocessable,
        "An unexpected error occurred. It has been logged.", "发生意外错误，已记录日志。");

    public static readonly Error NotFoundRoute = new("General.NotFound", ErrorKind.NotFound,
        "No API endpoint exists at this address.", "此地址没有对应的接口。");

    public static readonly Error Unauthenticated = new("General.Unauthenticated", ErrorKind.Unauthorized,
        "Sign in to continue.", "请先登录。");

    public static readonly Error Forbidden = new("General.Forbidden", ErrorKind.Forbidden,
        "You do not have permission for this action.", "您没有执行此操作的权限。");

    public static ProblemDetails Create(Error error, HttpContext? context = null, IReadOnlyDictionary<string, string[]>? fieldErrors = null)
    {
        ArgumentNullException.ThrowIfNull(error);
        var culture = CultureInfo.CurrentUICulture;
        var status = error.Kind == ErrorKind.Unprocessable && error == Unexpected ? 500 : (int)error.Kind;
        var problem = fieldErrors is { Count: > 0 }
            ? new ValidationProblemDetails(fieldErrors.ToDictionary(p => p.Key, p => p.Value))
            : new ProblemDetails();
        problem.Status = status;
        problem.Title = error.Message(culture);
        problem.Detail = error.Message(culture);
        problem.Type = $"https://expenseflow.local/errors/{error.Code}";
        problem.Extensions["code"] = error.Code;
        if (context is not null)
        {
            problem.Instance = context.Request.Path;
            problem.Extensions["traceId"] = context.TraceIdentifier;
        }

        return problem;
    }

    public static IResult Result(Error error, HttpContext? context = null, IReadOnlyDictionary<string, string[]>? fieldErrors = null)
    {
        var problem = Create(error, context, fieldErrors);
        return TypedResults.Problem(problem);
    }

    public static Task WriteAsync(HttpContext context, Error error, IReadOnlyDictionary<string, string[]>? fieldErrors = null)
    {
        ArgumentNullException.ThrowIfNull(context);
        var problem = Create(error, context, fieldErrors);
        context.Response.StatusCode = problem.Status ?? 500;
        return context.Response.WriteAsJsonAsync(problem, problem.GetType(), options: null, contentType: "application/problem+json");
    }
}
