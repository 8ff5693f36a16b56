using System.Text;

namespace ExpenseFlow.Payments.Domain.BankFiles;

/// <summary>
/// Field :86: information to account owner. Many banks (the German GVC layout and those that follow it) structure it as a
/// 3-digit transaction code then subfields "?NN": 00 posting text, 20-29 and 60-63 purpose, 30 bank code, 31 account,
/// 32-33 name. The purpose of a SEPA transfer carries keywords (EREF+ end-to-end id, MREF+ mandate, SVWZ+ remittance).
/// Anything else is kept as free text.
/// </summary>
internal static class Mt940Details
{
    private static readonly string[] SepaKeywords = ["EREF+", "KREF+", "MREF+", "CRED+", "DEBT+", "SVWZ+", "ABWA+", "ABWE+", "COAM+", "OAMT+", "BREF+", "RREF+", "IBAN+", "BIC+"];

    /// <summary>The field's lines as one text: continuation lines are padding-free parts of the same 65-character lines.</summary>
    public static string Join(string value) =>
        string.Concat(value.Split('\n').Select(l => l.TrimEnd())).Trim();

    public static StatementEntry Apply(StatementEntry entry, string value)
    {
        var text = Join(value);
        entry = entry with { AdditionalInfo = text };
        if (!IsStructured(text)) return entry with { RemittanceInfo = text };

        var separator = text[3];
        var fields = new Dictionary<int, StringBuilder>();
        foreach (var part in text[4..].Split(separator))
        {
            if (part.Length < 2 || !char.IsAsciiDigit(part[0]) || !char.IsAsciiDigit(part[1])) continue;
            var key = (part[0] - '0') * 10 + (part[1] - '0');
            if (!fields.TryGetValue(key, out var sb)) fields[key] = sb = new StringBuilder();
            sb.Append(part[2..]);
        }

        string? Field(params int[] keys)
        {
            var joined = string.Concat(keys.Where(fields.ContainsKey).Select(k => fields[k].ToString()));
            return joined.Length == 0 ? null : joined;
        }

        var purpose = Field(20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 60, 61, 62, 63);
        var sepa = SplitSepa(purpose);
        var endToEnd = sepa.GetValueOrDefault("EREF+");
        return entry with
        {
            TransactionCode = text[..3],
            PostingText = Field(0),
            CounterpartyAgent = Field(30),
            CounterpartyAccount = Field(31),
            CounterpartyName = Field(32, 33),
            EndToEndId = string.Equals(endToEnd, "NOTPROVIDED", StringComparison.OrdinalIgnoreCase) ? null : endToEnd,
            MandateId = sepa.GetValueOrDefault("MREF+"),
            RemittanceInfo = sepa.Count == 0 ? purpose : sepa.GetValueOrDefault("SVWZ+") ?? purpose,
        };
    }

    private static bool IsStructured(string text) =>
        text.Length > 5 && char.IsAsciiDigit(text[0]) && char.IsAsciiDigit(text[1]) && char.IsAsciiDigit(text[2])
        && !char.IsLetterOrDigit(text[3]) && text[3] != ' ' && char.IsAsciiDigit(text[4]) && char.IsAsciiDigit(text[5]);

    private static Dictionary<string, string> SplitSepa(string? purpose)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        if (purpose is null) return result;
        var marks = SepaKeywords
            .Select(k => (Key: k, At: purpose.IndexOf(k, StringComparison.Ordinal)))
            .Where(m => m.At >= 0)
            .OrderBy(m => m.At)
            .ToList();
        if (marks.Count == 0 || marks[0].At != 0) return result;
        for (var i = 0; i < marks.Count; i++)
        {
            var start = marks[i].At + marks[i].Key.Length;
            var end = i + 1 < marks.Count ? marks[i + 1].At : purpose.Length;
            if (end >= start) result[marks[i].Key] = purpose[start..end].Trim();
        }
        return result;
    }
}
