namespace ExpenseFlow.Recognition.Invoices;

/// <summary>Parses amounts written in Chinese financial capitals (大写), e.g. 壹仟贰佰捌拾元伍角 → 1280.50.</summary>
public static class ChineseAmount
{
    private static readonly Dictionary<char, int> Digits = new()
    {
        ['零'] = 0, ['〇'] = 0, ['壹'] = 1, ['贰'] = 2, ['貳'] = 2, ['叁'] = 3, ['參'] = 3, ['肆'] = 4, ['伍'] = 5,
        ['陆'] = 6, ['陸'] = 6, ['柒'] = 7, ['捌'] = 8, ['玖'] = 9,
        ['一'] = 1, ['二'] = 2, ['两'] = 2, ['三'] = 3, ['四'] = 4, ['五'] = 5, ['六'] = 6, ['七'] = 7, ['八'] = 8, ['九'] = 9,
    };

    private static readonly Dictionary<char, int> SmallUnits = new()
    {
        ['拾'] = 10, ['十'] = 10, ['佰'] = 100, ['百'] = 100, ['仟'] = 1000, ['千'] = 1000,
    };

    public static bool IsCapitalChar(char c) =>
        Digits.ContainsKey(c) || SmallUnits.ContainsKey(c) || "万萬亿億元圆圓角分整正".Contains(c);

    public static decimal? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var s = new string(text.Where(c => !char.IsWhiteSpace(c)).ToArray())
            .Replace('圆', '元').Replace('圓', '元').Replace("人民币", "", StringComparison.Ordinal);
        s = s.TrimStart('(', '（', '⊗', 'ⓧ', '✕', '×').TrimEnd('整', '正', ')', '）');
        if (s.Length == 0) return null;

        decimal integerPart = 0, section = 0, number = 0, fraction = 0;
        var sawDigitOrUnit = false;
        var inFraction = false;
        foreach (var c in s)
        {
            if (Digits.TryGetValue(c, out var d)) { number = d; sawDigitOrUnit = true; continue; }
            if (SmallUnits.TryGetValue(c, out var u))
            {
                if (inFraction) return null;
                section += (number == 0 && u == 10 ? 1 : number) * u;
                number = 0; sawDigitOrUnit = true; continue;
            }
            switch (c)
            {
                case '万' or '萬':
                    integerPart += (section + number) * 10_000; section = 0; number = 0; break;
                case '亿' or '億':
                    integerPart = (integerPart + section + number) * 100_000_000; section = 0; number = 0; break;
                case '元':
                    integerPart += section + number; section = 0; number = 0; inFraction = true; break;
                case '角':
                    fraction += number * 0.1m; number = 0; inFraction = true; break;
                case '分':
                    fraction += number * 0.01m; number = 0; inFraction = true; break;
                default:
                    return null;
            }
        }
        if (!sawDigitOrUnit) return null;
        if (!inFraction) integerPart += section + number;
        else if (number != 0) return null; // a trailing digit without a unit after 元 is ambiguous
        return integerPart + fraction;
    }
}
