using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using ExpenseFlow.BuildingBlocks.Errors;
using Microsoft.AspNetCore.Http;
using Npgsql;

namespace ExpenseFlow.BuildingBlocks.Infrastructure.Web;

/// <summary>
/// What a failure to read the request means for the client: minimal APIs throw <see cref="BadHttpRequestException"/>
/// (RouteHandlerOptions.ThrowOnBadRequest) with the JSON error or the parameter inside; this names the field.
/// </summary>
internal static partial class BindingProblems
{
    public static (Error Error, IReadOnlyDictionary<string, string[]>? Fields)? From(Exception exception)
    {
        var culture = CultureInfo.CurrentUICulture;
        switch (exception)
        {
            case BadHttpRequestException bad:
                if (bad.StatusCode == StatusCodes.Status413PayloadTooLarge)
                {
                    return (RequestErrors.TooLarge, null);
                }

                if (bad.StatusCode == StatusCodes.Status415UnsupportedMediaType)
                {
                    return (RequestErrors.UnsupportedMediaType, null);
                }

                if (bad.InnerException is JsonException json)
                {
                    return (RequestErrors.MalformedJson, Field(json.Path ?? "$", RequestErrors.MalformedJson, culture));
                }

                if (bad.InnerException is IOException or InvalidDataException || bad.Message.Contains("as form", StringComparison.Ordinal))
                {
                    return (RequestErrors.MalformedMultipart, null);
                }

                if (bad.Message.Contains("no body was provided", StringComparison.Ordinal))
                {
                    return (RequestErrors.BodyRequired, null);
                }

                if (ParameterName().Match(bad.Message) is { Success: true } parameter)
                {
                    return (RequestErrors.InvalidParameter, Field(parameter.Groups["name"].Value, RequestErrors.InvalidParameter, culture));
                }

                return (RequestErrors.InvalidParameter, null);
            case JsonException malformed:
                return (RequestErrors.MalformedJson, Field(malformed.Path ?? "$", RequestErrors.MalformedJson, culture));
            default:
                return ValueProblem(exception) ? (RequestErrors.ValueOutOfRange, null) : null;
        }
    }

    /// <summary>
    /// The database refused a value (SQLSTATE class 22: too long, out of range, NUL in text): a rule the request should
    /// have declared is missing. The transaction did not commit, so nothing was stored; the client is told, not shown a 500.
    /// </summary>
    public static bool ValueProblem(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is PostgresException { SqlState: { } state } && state.StartsWith("22", StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    private static Dictionary<string, string[]> Field(string name, Error error, CultureInfo culture) =>
        new() { [name] = [error.Message(culture)] };

    [GeneratedRegex("parameter \"(?<type>[^\"]+?) (?<name>[A-Za-z_][A-Za-z0-9_]*)\"", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex ParameterName();
}
