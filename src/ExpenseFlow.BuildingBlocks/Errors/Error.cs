using System.Globalization;

namespace ExpenseFlow.BuildingBlocks.Errors;

public enum ErrorKind
{
    Validation = 400,
    Unauthorized = 401,
    Forbidden = 403,
    NotFound = 404,
    MethodNotAllowed = 405,
    Conflict = 409,
    PayloadTooLarge = 413,
    UnsupportedMediaType = 415,
    Locked = 423,
    Unprocessable = 422,
    TooManyRequests = 429,
}

/// <summary>
/// A broken rule with a stable code (e.g. <c>Organization.InvalidTaxId</c>) that clients can rely on,
/// and a message for people in both languages the product speaks.
/// </summary>
public sealed record Error(string Code, ErrorKind Kind, string English, string Chinese)
{
    public string Message(CultureInfo culture) =>
        culture.Name.StartsWith("zh", StringComparison.OrdinalIgnoreCase) ? Chinese : English;

    public static Error NotFound(string code, string what, string whatZh) =>
        new(code, ErrorKind.NotFound, $"{what} was not found.", $"未找到{whatZh}。");
}

/// <summary>Thrown by the domain and use cases when a rule is broken; the API turns it into ProblemDetails.</summary>
public sealed class DomainException : Exception
{
    public DomainException(Error error, IReadOnlyDictionary<string, string[]>? fieldErrors = null)
        : base($"{error.Code}: {error.English}")
    {
        Error = error;
        FieldErrors = fieldErrors;
    }

    public DomainException()
        : this(new Error("General.Error", ErrorKind.Validation, "The request could not be processed.", "请求无法处理。"))
    {
    }

    public DomainException(string message)
        : this(new Error("General.Error", ErrorKind.Validation, message, message))
    {
    }

    public DomainException(string message, Exception innerException)
        : base(message, innerException) =>
        Error = new Error("General.Error", ErrorKind.Validation, message, message);

    public Error Error { get; }

    public IReadOnlyDictionary<string, string[]>? FieldErrors { get; }
}
