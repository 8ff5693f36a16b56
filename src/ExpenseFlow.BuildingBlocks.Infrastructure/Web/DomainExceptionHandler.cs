using ExpenseFlow.BuildingBlocks.Errors;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace ExpenseFlow.BuildingBlocks.Infrastructure.Web;

/// <summary>Maps every exception that reaches the pipeline to ProblemDetails with a stable code.</summary>
public sealed class DomainExceptionHandler(ILogger<DomainExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var (error, fields) = exception switch
        {
            DomainException d => (d.Error, d.FieldErrors),
            _ when BindingProblems.From(exception) is { } binding => binding,
            InvalidDataException => (ApiProblems.MalformedRequest, null),
            DbUpdateConcurrencyException => (ApiProblems.Concurrency, null),
            DbUpdateException { InnerException: PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } } => (ApiProblems.Duplicate, null),
            _ => (ApiProblems.Unexpected, (IReadOnlyDictionary<string, string[]>?)null),
        };
        if (error == RequestErrors.ValueOutOfRange)
        {
            logger.LogWarning(exception, "A value the database refused reached it for {Method} {Path}: declare the input rule", httpContext.Request.Method, httpContext.Request.Path);
        }

        if (error == ApiProblems.Unexpected)
        {
            logger.LogError(exception, "Unhandled exception for {Method} {Path}", httpContext.Request.Method, httpContext.Request.Path);
        }

        var problem = ApiProblems.Create(error, httpContext, fields);
        httpContext.Response.StatusCode = problem.Status ?? 500;
        // By its own type: a ValidationProblemDetails written as ProblemDetails would lose its field errors.
        await httpContext.Response.WriteAsJsonAsync(problem, problem.GetType(), (System.Text.Json.JsonSerializerOptions?)null, "application/problem+json", cancellationToken);
        return true;
    }
}
