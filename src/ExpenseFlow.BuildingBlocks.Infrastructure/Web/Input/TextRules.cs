using System.Text;

namespace ExpenseFlow.BuildingBlocks.Infrastructure.Web.Input;

/// <summary>
/// What any text from a client may contain. Refused everywhere: NUL and the other C0 controls except tab, line feed
/// and carriage return (PostgreSQL cannot store NUL in text or jsonb, and controls break headers, files and logs), DEL,
/// halves of surrogate pairs (not text at all) and the bidirectional override/isolate controls (they make a name or a
/// number display differently from what it is). Silently dropped: zero-width space, word joiner and byte-order mark,
/// which arrive with text pasted from office documents and chat. What remains is NFC-normalised, so that the same
/// visible text is the same string when it is compared, searched and made unique.
/// </summary>
public static class TextRules
{
    public static bool IsForbidden(char c) =>
        (c < 0x20 && c is not ('\t' or '\n' or '\r'))
        || c == 0x7F
        || c is >= '\u202A' and <= '\u202E'
        || c is >= '\u2066' and <= '\u2069';

    private static bool IsDropped(char c) => c is '\u200B' or '\u2060' or '\uFEFF';

    /// <summary>Null when the text is acceptable (and <paramref name="clean"/> is its normal form), else why not.</summary>
    public static InputProblem? Clean(string text, out string clean)
    {
        clean = text;
        var needsCopy = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (IsForbidden(c))
            {
                return InputProblem.ControlCharacter;
            }

            if (char.IsHighSurrogate(c))
            {
                if (i + 1 >= text.Length || !char.IsLowSurrogate(text[i + 1]))
                {
                    return InputProblem.BrokenCharacter;
                }

                i++;
                continue;
            }

            if (char.IsLowSurrogate(c))
            {
                return InputProblem.BrokenCharacter;
            }

            needsCopy |= IsDropped(c);
        }

        if (needsCopy)
        {
            var builder = new StringBuilder(text.Length);
            foreach (var c in text)
            {
                if (!IsDropped(c))
                {
                    builder.Append(c);
                }
            }

            clean = builder.ToString();
        }

        if (!clean.IsNormalized(NormalizationForm.FormC))
        {
            clean = clean.Normalize(NormalizationForm.FormC);
        }

        return null;
    }

    /// <summary>A code: letters, digits, '.', '_' and '-', starting with a letter or digit (ASCII only).</summary>
    public static bool IsCode(string text)
    {
        if (text.Length == 0 || !char.IsAsciiLetterOrDigit(text[0]))
        {
            return false;
        }

        foreach (var c in text)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c is not ('.' or '_' or '-'))
            {
                return false;
            }
        }

        return true;
    }

    public static bool IsCurrency(string text) => text.Length == 3 && text.All(char.IsAsciiLetter);

    /// <summary>Length as people count it (a character outside the BMP is one), which is also how PostgreSQL counts varchar(n).</summary>
    public static int Length(string text)
    {
        var count = 0;
        for (var i = 0; i < text.Length; i++)
        {
            count++;
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
        }

        return count;
    }
}
