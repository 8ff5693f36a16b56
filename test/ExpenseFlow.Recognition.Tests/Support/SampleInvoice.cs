namespace ExpenseFlow.Recognition.Tests.Support;

/// <summary>The content of an invoice the tests draw themselves, so every expected value is known.</summary>
public sealed record SampleInvoice(
    string Type, string? Code, string Number, DateOnly Date, string? CheckCode,
    decimal Amount, decimal Tax, decimal Total, string TotalInCapitals,
    string BuyerName, string BuyerTaxId, string SellerName, string SellerTaxId,
    IReadOnlyList<(string Name, string Unit, string Quantity, string Price, decimal Amount, string Rate, decimal Tax)> Items)
{
    public bool FullyDigital => Type is "31" or "32";

    public string Title => Type switch
    {
        "32" => "电子发票（普通发票）",
        "31" => "电子发票（增值税专用发票）",
        "01" => "上海增值税专用发票",
        "04" => "上海增值税普通发票",
        _ => "上海增值税电子普通发票",
    };

    public string QrPayload => string.Join(',', "01", Type, Code ?? "", Number,
        (FullyDigital ? Total : Amount).ToString("0.00", System.Globalization.CultureInfo.InvariantCulture),
        Date.ToString("yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture), CheckCode ?? "", "A1B2");

    public static SampleInvoice Ordinary { get; } = new(
        "10", "031001900111", "52781364", new DateOnly(2024, 3, 9), "10693284715520896431",
        1208.02m, 72.48m, 1280.50m, "壹仟贰佰捌拾元伍角",
        "上海云杉信息科技有限公司", "91310115MA1K4FQX2T", "杭州西溪餐饮管理有限公司", "91330106MA2H0C7Q0J",
        [("*餐饮服务*餐费", "次", "1", "1208.02", 1208.02m, "6%", 72.48m)]);

    /// <summary>
    /// A paper special VAT invoice (增值税专用发票) drawn with what real ones carry around the fields: the 密码区 cipher,
    /// addresses with phone numbers, bank accounts, 备注, the footer's signatories and the seller's red stamp with its tax id.
    /// </summary>
    public static SampleInvoice PaperSpecial { get; } = new(
        "01", "3100233130", "08126745", new DateOnly(2025, 6, 18), null,
        4716.98m, 283.02m, 5000.00m, "伍仟元整",
        "上海云杉信息科技有限公司", "91310115MA1K4FQX2T", "上海浦江会展服务有限公司", "91310104MA1FR2KD4G",
        [("*会展服务*会议服务费", "项", "1", "4716.98", 4716.98m, "6%", 283.02m)])
    { WithPaperDetails = true };

    /// <summary>Draw the clutter of a real paper invoice (see <see cref="PaperSpecial"/>).</summary>
    public bool WithPaperDetails { get; init; }

    public static SampleInvoice FullyDigitalOrdinary { get; } = new(
        "32", null, "24312000000087654321", new DateOnly(2024, 11, 5), null,
        1886.79m, 113.21m, 2000.00m, "贰仟元整",
        "北京星河软件有限公司", "91110108MA01RL2E58", "深圳市南山酒店有限公司", "91440300MA5G3LQY1U",
        [("*住宿服务*住宿费", "天", "2", "943.395", 1886.79m, "6%", 113.21m)]);
}
