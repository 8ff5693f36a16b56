using System.Globalization;
using System.Text;
using ExpenseFlow.BuildingBlocks.Errors;

namespace ExpenseFlow.Payments.Domain.BankFiles;

/// <summary>
/// Reads SWIFT MT940 customer statements: :20:, :21:, :25:, :28(C):, :60F/M:, :61: with its :86:, :62F/M:, :64:, :65:.
/// Statements are separated by a "-" line (or a SWIFT block end); lines that do not start a tag continue the previous one.
/// Structured :86: details (German GVC layout, ?00 ... ?34, SEPA keywords EREF+ SVWZ+ ...) are split into fields.
/// </summary>
public sealed class Mt940Parser(Encoding? encoding = null)
{
    private readonly Encoding _encoding = encoding ?? new UTF8Encoding(false);

    public IReadOnlyList<BankStatement> Parse(byte[] content) => Parse(_encoding.GetString(content));

    public IReadOnlyList<BankStatement> Parse(string content)
    {
        var statements = new List<BankStatement>();
        var current = new Mt940StatementBuilder();
        foreach (var (tag, value, line) in Fields(content))
        {
            if (tag == "-")
            {
                if (current.HasContent) statements.Add(current.Build());
                current = new Mt940StatementBuilder();
                continue;
            }
            if (tag == "20" && current.HasContent)
            {
                statements.Add(current.Build());
                current = new Mt940StatementBuilder();
            }
            try
            {
                current.Add(tag, value, line);
            }
            catch (Exception ex) when (ex is FormatException or ArgumentException or OverflowException or IndexOutOfRangeException or InvalidOperationException)
            {
                // A field too short, a date that does not exist, an amount beyond decimal: refused naming the line, never a 500.
                throw StatementBounds.Refused("MT940", $"line {line} (:{tag}:)", $"'{StatementBounds.Echo(value)}' cannot be read ({ex.Message})",
                    $"“{StatementBounds.Echo(value)}”无法解析（{ex.Message}）");
            }
        }
        if (current.HasContent) statements.Add(current.Build());
        return statements;
    }

    /// <summary>The file as (tag, value, line of the tag) triples; "-" marks the end of a statement.</summary>
    private static IEnumerable<(string Tag, string Value, int Line)> Fields(string content)
    {
        string? tag = null;
        var tagLine = 0;
        var lineNumber = 0;
        var value = new StringBuilder();
        foreach (var raw in content.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n'))
        {
            lineNumber++;
            if (StatementBounds.FirstControl(raw) is var control and >= 0)
            {
                throw StatementBounds.Refused("MT940", $"line {lineNumber}, column {control + 1}", $"a control character (U+{(int)raw[control]:X4}) no statement holds.",
                    $"含有对账单不应出现的控制字符（U+{(int)raw[control]:X4}）。");
            }
            var line = StripBlocks(raw);
            var isTag = TryTag(line, out var nextTag, out var rest);
            var isEnd = line.Trim() is "-" or "-}";
            if ((isTag || isEnd) && tag is not null)
            {
                yield return (tag, value.ToString(), tagLine);
                tag = null;
            }
            if (isEnd)
            {
                yield return ("-", "", lineNumber);
            }
            else if (isTag)
            {
                tag = nextTag;
                tagLine = lineNumber;
                value.Clear().Append(rest);
            }
            else if (tag is not null && line.Length > 0)
            {
                value.Append('\n').Append(line);
            }
        }
        if (tag is not null) yield return (tag, value.ToString(), tagLine);
    }

    // A file straight from SWIFT wraps the text in {1:...}{2:...}{4: ... -}; the tags are inside block 4.
    private static string StripBlocks(string line)
    {
        var block4 = line.IndexOf("{4:", StringComparison.Ordinal);
        return block4 >= 0 ? line[(block4 + 3)..] : line;
    }

    private static bool TryTag(string line, out string tag, out string rest)
    {
        tag = rest = "";
        if (line.Length < 4 || line[0] != ':') return false;
        var end = line.IndexOf(':', 1);
        if (end is < 3 or > 4 || !char.IsAsciiDigit(line[1]) || !char.IsAsciiDigit(line[2])) return false;
        if (end == 4 && !char.IsAsciiLetterUpper(line[3])) return false;
        tag = line[1..end];
        rest = line[(end + 1)..];
        return true;
    }

    internal static decimal Amount(string text)
    {
        var normalized = text.Trim().Replace(',', '.');
        if (normalized.EndsWith('.')) normalized = normalized[..^1];
        return decimal.Parse(normalized, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);
    }

    internal static DateOnly Date(string yymmdd)
    {
        var yy = int.Parse(yymmdd[..2], CultureInfo.InvariantCulture);
        // SWIFT dates carry two digits; the usual pivot reads 80-99 as the last century.
        var year = yy >= 80 ? 1900 + yy : 2000 + yy;
        return new DateOnly(year, int.Parse(yymmdd[2..4], CultureInfo.InvariantCulture), int.Parse(yymmdd[4..6], CultureInfo.InvariantCulture));
    }
}
