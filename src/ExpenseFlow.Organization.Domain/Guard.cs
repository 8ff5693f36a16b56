using System.Text.RegularExpressions;
using ExpenseFlow.BuildingBlocks.Errors;

namespace ExpenseFlow.Organization.Domain;

internal static partial class Guard
{
    public static string Text(string? value, string field, string fieldZh, int max)
    {
        var trimmed = value?.Trim() ?? string.Empty;
        if (trimmed.Length == 0)
        {
            throw new DomainException(OrganizationErrors.Required(field, fieldZh));
        }

        return trimmed.Length > max ? throw new DomainException(OrganizationErrors.TooLong(field, fieldZh, max)) : trimmed;
    }

    public static string? Optional(string? value, string field, string fieldZh, int max)
    {
        var trimmed = value?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            return null;
        }

        return trimmed.Length > max ? throw new DomainException(OrganizationErrors.TooLong(field, fieldZh, max)) : trimmed;
    }

    public static string Email(string? value)
    {
        var email = Text(value, "E-mail", "邮箱", 256).ToLowerInvariant();
        return EmailPattern().IsMatch(email) ? email : throw new DomainException(OrganizationErrors.InvalidEmail(email));
    }

    public static string Digits(string? value, int min, int max, Func<string, Error> error)
    {
        var digits = (value ?? string.Empty).Replace(" ", string.Empty, StringComparison.Ordinal).Replace("-", string.Empty, StringComparison.Ordinal);
        return digits.Length >= min && digits.Length <= max && digits.All(char.IsAsciiDigit) ? digits : throw new DomainException(error(value ?? string.Empty));
    }

    [GeneratedRegex(@"^[^@\s]+@[^@\s]+\.[^@\s]+$")]
    private static partial Regex EmailPattern();
}
