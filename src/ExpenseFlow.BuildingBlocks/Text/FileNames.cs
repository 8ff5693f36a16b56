using System.Globalization;
using System.Text;

namespace ExpenseFlow.BuildingBlocks.Text;

/// <summary>
/// An uploaded file's name as it may be stored and shown: the last path segment only, normalised (NFC), without the
/// characters a client can smuggle into a multipart header — NUL and other controls (PostgreSQL refuses a NUL in text
/// and jsonb: the upload failed as a 500), direction overrides and zero-width characters (a name that reads
/// "invoice.pdf" but is "fdp.exe…"), unpaired surrogates — and cut to the column. A name left empty becomes the fallback.
/// </summary>
public static class FileNames
{
    public static string Safe(string? name, int maxLength, string fallback)
    {
        ArgumentException.ThrowIfNullOrEmpty(fallback);
        var text = name ?? string.Empty;
        var slash = text.LastIndexOfAny(['/', '\\']);
        if (slash >= 0)
        {
            text = text[(slash + 1)..];
        }

        var kept = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                kept.Append(c).Append(text[++i]);
            }
            else if (!char.IsSurrogate(c) && !char.IsControl(c) && CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.Format)
            {
                kept.Append(c);
            }
        }

        var safe = kept.ToString().Normalize(NormalizationForm.FormC).Trim();
        if (safe.Length > maxLength)
        {
            // Keep the extension: it is what the name is recognised by.
            var dot = safe.LastIndexOf('.');
            var extension = dot > 0 && safe.Length - dot <= 10 ? safe[dot..] : string.Empty;
            safe = safe[..(maxLength - extension.Length)].TrimEnd() + extension;
        }

        return safe.Length == 0 ? fallback : safe;
    }
}
