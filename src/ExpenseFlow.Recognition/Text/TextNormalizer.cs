using System.Text;

namespace ExpenseFlow.Recognition.Text;

/// <summary>
/// NFKC plus the CJK radical look-alikes NFKC leaves alone (PDF fonts often map glyphs to Kangxi/supplement radicals),
/// and control characters as spaces: a glyph a PDF's ToUnicode map leaves unmapped comes out as U+0000 (seen for a
/// full-width colon missing from a subset font), and as a separator it keeps "名称\0北京…" a label and its value.
/// </summary>
public static class TextNormalizer
{
    // CJK Radicals Supplement (U+2E80–U+2EFF) characters that look like common ideographs; NFKC maps the Kangxi block
    // (U+2F00–U+2FDF) itself but not these.
    private static readonly Dictionary<char, char> Radicals = new()
    {
        ['⺀'] = '冫', ['⺁'] = '厂', ['⺃'] = '乚', ['⺄'] = '乙', ['⺅'] = '亻', ['⺆'] = '冂', ['⺇'] = '几', ['⺈'] = '刀',
        ['⺉'] = '刂', ['⺊'] = '卜', ['⺋'] = '卩', ['⺌'] = '小', ['⺍'] = '小', ['⺎'] = '兀', ['⺏'] = '尣', ['⺐'] = '尢',
        ['⺑'] = '尢', ['⺒'] = '巳', ['⺓'] = '幺', ['⺔'] = '彑', ['⺕'] = '彐', ['⺖'] = '忄', ['⺗'] = '心', ['⺘'] = '扌',
        ['⺙'] = '攵', ['⺛'] = '无', ['⺜'] = '日', ['⺝'] = '月', ['⺞'] = '歹', ['⺟'] = '母', ['⺠'] = '民', ['⺡'] = '氵',
        ['⺢'] = '氵', ['⺣'] = '灬', ['⺤'] = '爫', ['⺥'] = '爫', ['⺦'] = '丬', ['⺧'] = '牛', ['⺨'] = '犭', ['⺩'] = '王',
        ['⺪'] = '疋', ['⺫'] = '目', ['⺬'] = '示', ['⺭'] = '礻', ['⺮'] = '竹', ['⺯'] = '糸', ['⺰'] = '纟', ['⺱'] = '网',
        ['⺲'] = '罒', ['⺳'] = '网', ['⺴'] = '网', ['⺵'] = '网', ['⺶'] = '羊', ['⺷'] = '羊', ['⺸'] = '羊', ['⺹'] = '耂',
        ['⺺'] = '肀', ['⺻'] = '聿', ['⺼'] = '月', ['⺽'] = '臼', ['⺾'] = '艹', ['⺿'] = '艹', ['⻀'] = '艹', ['⻁'] = '虎',
        ['⻂'] = '衤', ['⻃'] = '覀', ['⻄'] = '西', ['⻅'] = '见', ['⻆'] = '角', ['⻇'] = '角', ['⻈'] = '讠', ['⻉'] = '贝',
        ['⻊'] = '足', ['⻋'] = '车', ['⻌'] = '辶', ['⻍'] = '辶', ['⻎'] = '辶', ['⻏'] = '阝', ['⻐'] = '钅', ['⻑'] = '长',
        ['⻒'] = '长', ['⻓'] = '长', ['⻔'] = '门', ['⻕'] = '门', ['⻖'] = '阝', ['⻗'] = '雨', ['⻘'] = '青', ['⻙'] = '韦',
        ['⻚'] = '页', ['⻛'] = '风', ['⻜'] = '飞', ['⻝'] = '食', ['⻞'] = '食', ['⻟'] = '食', ['⻠'] = '饣', ['⻡'] = '饣',
        ['⻢'] = '马', ['⻣'] = '骨', ['⻤'] = '鬼', ['⻥'] = '鱼', ['⻦'] = '鸟', ['⻧'] = '卤', ['⻨'] = '麦', ['⻩'] = '黄',
        ['⻪'] = '黾', ['⻫'] = '齐', ['⻬'] = '齐', ['⻭'] = '齿', ['⻮'] = '齿', ['⻯'] = '龙', ['⻰'] = '龙', ['⻱'] = '龟',
        ['⻲'] = '龟', ['⻳'] = '龟',
    };

    public static string Normalize(string? text)
    {
        if (string.IsNullOrEmpty(text)) return string.Empty;
        var nfkc = text.Normalize(NormalizationForm.FormKC);
        StringBuilder? sb = null;
        for (var i = 0; i < nfkc.Length; i++)
        {
            var c = nfkc[i];
            char mapped;
            if (char.IsControl(c) && !char.IsWhiteSpace(c)) mapped = ' ';
            else if (!Radicals.TryGetValue(c, out mapped)) continue;
            sb ??= new StringBuilder(nfkc);
            sb[i] = mapped;
        }
        return sb?.ToString() ?? nfkc;
    }

    /// <summary>Compact form for matching labels: normalized, without whitespace and the colons that follow labels.</summary>
    public static string Compact(string? text) =>
        new(Normalize(text).Where(c => !char.IsWhiteSpace(c) && c is not (':' or '：')).ToArray());
}
