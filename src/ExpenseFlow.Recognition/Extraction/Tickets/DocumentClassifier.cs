using System.Text.RegularExpressions;
using ExpenseFlow.Recognition.Text;

namespace ExpenseFlow.Recognition.Extraction.Tickets;

/// <summary>
/// Decides a ticket's kind from what it prints: each kind has marks (titles, labels, formats) and a document is of the kind
/// whose marks it shows most, when it shows at least two of them (or its title). Documents that show none are left to the
/// invoice and receipt rules. Marks are the kinds' fixed vocabulary, never any one document's text.
/// </summary>
internal static partial class DocumentClassifier
{
    private sealed record Mark(string Text, int Weight);

    private static readonly (DocumentKind Kind, Mark[] Marks, Regex[] Patterns)[] Kinds =
    [
        (DocumentKind.TrainTicket,
            [new("铁路电子客票", 3), new("中国铁路祝您旅途愉快", 2), new("限乘当日当次车", 2), new("12306", 1), new("95306", 1),
             new("仅供报销使用", 1), new("始发改签", 1), new("检票", 1), new("电子客票号", 1)],
            [TrainDeparture(), CarAndSeat(), TrainSeatClass()]),
        (DocumentKind.AirItinerary,
            [new("航空运输电子客票行程单", 4), new("行程单", 2), new("民航发展基金", 2), new("燃油附加费", 2), new("电子客票号码", 1),
             new("印刷序号", 2), new("填开单位", 1), new("填开日期", 1), new("旅客姓名", 1), new("承运人", 1), new("免费行李", 1)],
            []),
        (DocumentKind.Taxi,
            [new("出租汽车", 3), new("出租车", 3), new("上车", 1), new("下车", 1), new("里程", 1), new("等候", 1), new("单价", 1), new("车号", 1)],
            []),
        (DocumentKind.QuotaInvoice, [new("定额发票", 4), new("定额", 1)], [CapitalDenomination()]),
        (DocumentKind.Toll, [new("通行费", 3), new("收费站", 2), new("入口", 1), new("出口", 1), new("车型", 1), new("车辆通行", 2)], []),
        (DocumentKind.BusShipTicket,
            [new("汽车客运", 3), new("客运站", 2), new("汽车票", 3), new("船票", 3), new("客船", 2), new("轮渡", 2), new("班次", 2),
             new("乘车日期", 1), new("开车时间", 1), new("座号", 1), new("码头", 1)],
            []),
        (DocumentKind.RollInvoice, [new("卷式", 4), new("卷票", 4), new("机器编号", 1)], []),
        (DocumentKind.HotelFolio,
            [new("水单", 3), new("FOLIO", 2), new("入住", 1), new("离店", 1), new("ARRIVAL", 1), new("DEPARTURE", 1), new("房号", 1),
             new("ROOMNO", 1), new("GUEST", 1), new("房费", 1), new("ROOMCHARGE", 1), new("到店", 1)],
            []),
    ];

    /// <summary>The ticket kind the lines show, or null for an invoice, a receipt or anything else.</summary>
    public static DocumentKind? Classify(IReadOnlyList<TextLine> lines)
    {
        if (lines.Count == 0) return null;
        var compact = string.Concat(lines.Select(l => TextNormalizer.Compact(l.Text))).ToUpperInvariant();
        DocumentKind? best = null;
        var bestScore = 0;
        foreach (var (kind, marks, patterns) in Kinds)
        {
            var score = marks.Where(m => compact.Contains(m.Text, StringComparison.Ordinal)).Sum(m => m.Weight)
                        + patterns.Count(p => p.IsMatch(compact)) * 2;
            if (score > bestScore) (best, bestScore) = (kind, score);
        }
        return bestScore >= 3 ? best : null;
    }

    /// <summary>`2019年03月10日14:50开`: a train's departure.</summary>
    [GeneratedRegex(@"\d{4}年\d{1,2}月\d{1,2}日\d{1,2}[:：]\d{2}开")]
    internal static partial Regex TrainDeparture();
    /// <summary>`05车08C号`, `12车无座`.</summary>
    [GeneratedRegex(@"\d{1,2}车(\d{1,3}[A-F]?[号上中下]|无座)")]
    internal static partial Regex CarAndSeat();
    [GeneratedRegex(@"(商务座|特等座|一等座|二等座|高级软卧|软卧|硬卧|动卧|软座|硬座)")]
    internal static partial Regex TrainSeatClass();
    /// <summary>A denomination in capitals: `壹拾圆`, `伍拾元整`.</summary>
    [GeneratedRegex(@"[壹贰叁肆伍陆柒捌玖][拾佰仟]?[壹贰叁肆伍陆柒捌玖]?[圆元]整?")]
    internal static partial Regex CapitalDenomination();
}
