using System.Globalization;
using System.Text;

namespace ExpenseFlow.Expenses.Domain.Claims;

/// <summary>Why a typed (or recognised) code and number do not make an invoice identity.</summary>
public enum IdentityProblem
{
    None,

    /// <summary>No invoice number: the line claims no invoice identity (its receipt files are still claimed).</summary>
    Missing,

    /// <summary>An 8-digit (traditional) number without a readable 10- or 12-digit code: the number alone names many invoices.</summary>
    NeedsCode,

    /// <summary>Characters that are neither ASCII letters, digits nor separators (other scripts, look-alike letters).</summary>
    Unreadable,
}

/// <summary>The outcome of reading a code and number: the canonical key, or why there is none.</summary>
public readonly record struct IdentityReading(string? Key, IdentityProblem Problem, string? Number)
{
    public bool IsValid => Key is not null;
}

/// <summary>
/// The one key an invoice is claimed under, however its code and number were typed. Text is folded with NFKC
/// (full-width digits become ASCII), separators are dropped, a printed "No" prefix is dropped, and O/I typed among
/// digits are read as 0/1. Then:
/// <list type="bullet">
/// <item>A traditional invoice (number of at most 8 significant digits) is its code and number as 20 digits: the code
/// without leading zeros padded to 12, the number padded to 8. Leading zeros typed or dropped therefore change nothing,
/// and 10-digit codes (which never start with 0) cannot meet a 12-digit code (whose first two digits are never 00).</item>
/// <item>A longer number (数电票: 20 digits, code optional and ignored) is its significant digits padded to 20. The
/// code and number of a traditional invoice typed as one number (the EIid of e-invoice XML) land on the same key.
/// 数电 numbers start with the year (2x), padded traditional keys with 0 or 1, so the two kinds never meet.</item>
/// <item>A serial with letters (a train ticket's red serial) is itself; a code typed beside it is ignored.</item>
/// </list>
/// A traditional number without its code is not an identity (<see cref="IdentityProblem.NeedsCode"/>): keying it by
/// the number alone would either merge different invoices or give the same invoice a second key.
/// </summary>
public static class InvoiceIdentity
{
    private const int TraditionalNumberDigits = 8;
    private const int CodeDigits = 12;
    private const int DigitalNumberDigits = 20;
    private const int MaxLength = 32;

    public static IdentityReading Read(string? code, string? number)
    {
        var (n, numberOk) = Fold(number);
        if (!numberOk)
        {
            return new(null, IdentityProblem.Unreadable, null);
        }

        if (n is null)
        {
            return new(null, IdentityProblem.Missing, null);
        }

        if (!n.All(char.IsAsciiDigit))
        {
            return new("S:" + n, IdentityProblem.None, n);
        }

        var (c, codeOk) = Fold(code);
        var significant = n.TrimStart('0');
        var codeSignificant = c is not null && c.All(char.IsAsciiDigit) ? c.TrimStart('0') : null;
        // Code and number typed into each other's fields.
        if (significant.Length is >= 10 and <= CodeDigits && codeSignificant is { Length: > 0 and <= TraditionalNumberDigits })
        {
            (significant, codeSignificant) = (codeSignificant, significant);
        }

        if (significant.Length == 0)
        {
            return new(null, IdentityProblem.Unreadable, null);
        }

        if (significant.Length > DigitalNumberDigits)
        {
            return new("S:" + significant, IdentityProblem.None, significant);
        }

        if (significant.Length > TraditionalNumberDigits)
        {
            return new("I:" + significant.PadLeft(DigitalNumberDigits, '0'), IdentityProblem.None, significant);
        }

        var padded = significant.PadLeft(TraditionalNumberDigits, '0');
        if (!codeOk)
        {
            return new(null, IdentityProblem.Unreadable, padded);
        }

        if (codeSignificant is not { Length: >= 10 and <= CodeDigits })
        {
            return new(null, IdentityProblem.NeedsCode, padded);
        }

        return new("I:" + codeSignificant.PadLeft(CodeDigits, '0') + padded, IdentityProblem.None, padded);
    }

    /// <summary>
    /// NFKC, separators out, ASCII letters and digits only (anything else makes the value unreadable rather than
    /// silently dropped: a Cyrillic О for a 0 must not shorten the number into another one).
    /// </summary>
    internal static (string? Value, bool Ok) Fold(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return (null, true);
        }

        var folded = new StringBuilder();
        foreach (var ch in value.Normalize(NormalizationForm.FormKC))
        {
            if (char.IsWhiteSpace(ch) || char.IsPunctuation(ch) || char.IsSeparator(ch) || char.IsSymbol(ch) || char.IsControl(ch))
            {
                continue;
            }

            if (!char.IsAsciiLetterOrDigit(ch))
            {
                return (null, false);
            }

            folded.Append(char.ToUpperInvariant(ch));
        }

        var v = folded.ToString();
        // "No 52781364" as printed beside the number.
        if (v.Length > 2 && v.StartsWith("NO", StringComparison.Ordinal) && v[2..].All(IsDigitLike))
        {
            v = v[2..];
        }

        // O and I among digits are misread or mistyped 0 and 1; a serial with other letters keeps its letters.
        if (v.Any(char.IsAsciiDigit) && v.All(IsDigitLike))
        {
            v = v.Replace('O', '0').Replace('I', '1');
        }

        // No invoice identity is this long; a longer value would only make keys without meaning.
        return v.Length > MaxLength ? (null, false) : (v.Length == 0 ? null : v, true);
    }

    /// <summary>How a line's identity is shown in messages: code-number, or the number, in ASCII where it reads as such.</summary>
    public static string Describe(string? code, string? number)
    {
        static string? Shown(string? v) => Fold(v) is ({ } folded, true) ? folded : v?.Trim();
        var (c, n) = (Shown(code), Shown(number) ?? "?");
        return string.IsNullOrEmpty(c) ? n : string.Create(CultureInfo.InvariantCulture, $"{c}-{n}");
    }

    private static bool IsDigitLike(char ch) => char.IsAsciiDigit(ch) || ch is 'O' or 'I';
}
