using ExpenseFlow.BuildingBlocks.Errors;

namespace ExpenseFlow.BuildingBlocks.Infrastructure.Web;

/// <summary>
/// Refusals at the edge of the API, before a use case runs: the request itself is unreadable or a value breaks a
/// declared input rule. Field errors name the offending value by its JSON path (e.g. <c>$.lines[0].amount</c>) or
/// by its query/route parameter name.
/// </summary>
public static class RequestErrors
{
    public static readonly Error MalformedJson = new("Request.MalformedJson", ErrorKind.Validation,
        "The request body is not valid JSON for this operation: a value is missing, has the wrong type or cannot be read.",
        "请求内容不是此操作可接受的 JSON：某个值缺失、类型不对或无法读取。");

    public static readonly Error InvalidParameter = new("Request.InvalidParameter", ErrorKind.Validation,
        "A parameter of the request is missing or has a value of the wrong type.", "请求参数缺失或其值类型不对。");

    public static readonly Error BodyRequired = new("Request.BodyRequired", ErrorKind.Validation,
        "This operation needs a request body.", "此操作需要请求内容。");

    public static readonly Error UnsupportedMediaType = new("Request.UnsupportedMediaType", ErrorKind.UnsupportedMediaType,
        "This operation does not accept a body of this content type or character set (JSON must be UTF-8).",
        "此操作不接受该内容类型或字符集的请求内容（JSON 须为 UTF-8）。");

    public static readonly Error MethodNotAllowed = new("Request.MethodNotAllowed", ErrorKind.MethodNotAllowed,
        "This address does not accept this HTTP method.", "此地址不接受该 HTTP 方法。");

    public static readonly Error MalformedMultipart = new("Request.MalformedMultipart", ErrorKind.Validation,
        "The uploaded form could not be read: it is truncated or its parts are not well formed.", "无法读取上传的表单：内容不完整或格式不正确。");

    public static readonly Error TooLarge = new("Request.TooLarge", ErrorKind.PayloadTooLarge,
        "The request is larger than this operation accepts.", "请求内容超过此操作允许的大小。");

    public static readonly Error InvalidInput = new("Request.InvalidInput", ErrorKind.Validation,
        "Some values of the request are not acceptable; see the errors for each field.", "请求中有值不被接受，请查看各字段的错误。");

    public static readonly Error ValueOutOfRange = new("Request.ValueOutOfRange", ErrorKind.Validation,
        "A value of the request is too long, too large or out of range for where it is stored.", "请求中的某个值过长、过大或超出可存储的范围。");

    public static readonly Error Rejected = new("Request.Rejected", ErrorKind.Validation,
        "The request was refused.", "请求被拒绝。");
}
