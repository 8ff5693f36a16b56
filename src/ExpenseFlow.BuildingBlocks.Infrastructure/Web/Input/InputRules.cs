using System.Reflection;
using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace ExpenseFlow.BuildingBlocks.Infrastructure.Web.Input;

/// <summary>
/// The endpoint filter every API endpoint gets (see <c>Modules.MapExpenseFlowModules</c>): after binding and before the
/// handler, each bound argument is walked and checked against its declared rules and the defaults; any problem answers
/// 400 <c>Request.InvalidInput</c> with one entry per offending value, and the handler never runs. Text reaches the
/// handler normalised.
/// </summary>
public static class InputRules
{
    public static EndpointFilterDelegate Factory(EndpointFilterFactoryContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        var parameters = context.MethodInfo.GetParameters();
        var checks = new List<(int Index, ValueRules Rules, string Path)>();
        for (var i = 0; i < parameters.Length; i++)
        {
            var parameter = parameters[i];
            if (!IsInput(parameter))
            {
                continue;
            }

            var isObject = TypePlan.For(Nullable.GetUnderlyingType(parameter.ParameterType) ?? parameter.ParameterType) is not null;
            // A body is named by JSON path ($.lines[0].amount); [AsParameters] and query/route values by their own names.
            var path = isObject && parameter.GetCustomAttribute<AsParametersAttribute>() is null ? "$" : isObject ? string.Empty : parameter.Name!;
            checks.Add((i, ValueRules.From(parameter.Name!, parameter, null, nullAllowed: true), path));
        }

        if (checks.Count == 0)
        {
            return next;
        }

        var names = parameters.Select(p => p.Name ?? string.Empty).ToList();
        var ranges = TypePlan.RangePairs(names);
        return async invocation =>
        {
            var checker = new InputChecker();
            foreach (var (index, rules, path) in checks)
            {
                var value = invocation.Arguments[index];
                var checkedValue = checker.Check(value, rules, path);
                if (!ReferenceEquals(value, checkedValue))
                {
                    invocation.Arguments[index] = checkedValue;
                }
            }

            foreach (var (from, to) in ranges)
            {
                checker.CheckRange(invocation.Arguments[from], invocation.Arguments[to], names[from], names[to]);
            }

            return checker.HasProblems
                ? ApiProblems.Result(RequestErrors.InvalidInput, invocation.HttpContext, checker.Problems)
                : await next(invocation);
        };
    }

    /// <summary>
    /// What a client sent (route, query, header, body values) as opposed to services the handler asks for. Uploaded files
    /// are not walked here: the edge reads every form and checks its file names and fields (RequestEdge).
    /// </summary>
    private static bool IsInput(ParameterInfo parameter)
    {
        if (parameter.GetCustomAttribute<FromServicesAttribute>() is not null)
        {
            return false;
        }

        var type = Nullable.GetUnderlyingType(parameter.ParameterType) ?? parameter.ParameterType;
        if (type == typeof(CancellationToken) || type == typeof(HttpContext) || type == typeof(HttpRequest) || type == typeof(HttpResponse)
            || type == typeof(ClaimsPrincipal) || typeof(Stream).IsAssignableFrom(type))
        {
            return false;
        }

        return type == typeof(string) || type.IsPrimitive || type == typeof(decimal) || type == typeof(DateOnly) || type == typeof(DateTime)
            || type == typeof(DateTimeOffset) || type == typeof(JsonElement) || TypePlan.For(type) is not null
            || (type.IsArray && IsElement(type.GetElementType()!))
            || (type.IsGenericType && type.GetGenericArguments() is [var item] && typeof(System.Collections.IEnumerable).IsAssignableFrom(type) && IsElement(item));
    }

    private static bool IsElement(Type type) =>
        type == typeof(string) || type == typeof(Guid) || type.IsPrimitive || type == typeof(decimal) || TypePlan.For(type) is not null;
}
