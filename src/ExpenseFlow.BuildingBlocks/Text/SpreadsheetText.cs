using System.Globalization;

namespace ExpenseFlow.BuildingBlocks.Text;

/// <summary>
/// Text cells of every CSV and .xlsx the product writes pass through here (OWASP "CSV injection"). A spreadsheet
/// program reads a cell starting with = + - @ (or a tab or line break before them) as a formula, so an employee's
/// account name <c>=HYPERLINK("http://x","a")</c> would run on the finance user's machine. Such a cell gets a leading
/// single quote and stays text. A plain number ("-12.50") is left alone: it is not a formula and a quote would break it.
/// Whitespace before the trigger counts too, since some programs trim it before deciding.
/// </summary>
public static class SpreadsheetText
{
    public const char Guard = '\'';

    private static readonly char[] Triggers = ['=', '+', '-', '@', '\t', '\r', '\n'];

    /// <summary>True when a spreadsheet program could take the cell for a formula.</summary>
    public static bool IsFormulaLike(string? text)
    {
        if (string.IsNullOrEmpty(text) || IsPlainNumber(text))
        {
            return false;
        }

        if (Array.IndexOf(Triggers, text[0]) >= 0)
        {
            return true;
        }

        var first = text.AsSpan().TrimStart();
        return first.Length < text.Length && first.Length > 0 && Array.IndexOf(Triggers, first[0]) >= 0;
    }

    /// <summary>The cell as it is safe to write: unchanged, or with a leading single quote.</summary>
    public static string Cell(string? text) => text is null ? "" : IsFormulaLike(text) ? Guard + text : text;

    /// <summary>
    /// As <see cref="Cell(string?)"/>, within <paramref name="maxLength"/> characters (code points) counting the quote,
    /// for files whose receiver limits the field (a bank's 60-character name).
    /// </summary>
    public static string Cell(string? text, int maxLength)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxLength, 2);
        if (!IsFormulaLike(text))
        {
            return text ?? "";
        }

        var kept = new System.Text.StringBuilder();
        var count = 0;
        foreach (var rune in text!.EnumerateRunes())
        {
            if (++count >= maxLength)
            {
                break;
            }

            kept.Append(rune.ToString());
        }

        return Guard + kept.ToString();
    }

    private static bool IsPlainNumber(string text) =>
        decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out _);
}
