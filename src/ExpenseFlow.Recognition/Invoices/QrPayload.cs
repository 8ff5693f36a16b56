using System.Globalization;

namespace ExpenseFlow.Recognition.Invoices;

/// <summary>The Chinese VAT invoice QR payload: 01,type,code,number,amount,YYYYMMDD,check code,crc.</summary>
public sealed record QrPayload(string InvoiceType, string? InvoiceCode, string InvoiceNumber, decimal? Amount,
    DateOnly? IssueDate, string? CheckCode)
{
    /// <summary>数电票 (31/32 and newer fully digital types) print the tax-inclusive total; the older kinds print the amount before tax.</summary>
    public bool AmountIsTaxInclusive => InvoiceType is "31" or "32" or "51" or "61" or "83" or "84" or "85" or "86" or "87" or "88";

    public static QrPayload? TryParse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var parts = text.Trim().Split(',');
        if (parts.Length < 7 || parts[0].Trim() != "01") return null;
        var type = parts[1].Trim();
        var code = parts[2].Trim();
        var number = parts[3].Trim();
        if (type.Length != 2 || !type.All(char.IsAsciiDigit)) return null;
        if (number.Length is < 8 or > 20 || !number.All(char.IsAsciiDigit)) return null;
        if (code.Length != 0 && (code.Length is not (10 or 12) || !code.All(char.IsAsciiDigit))) return null;
        decimal? amount = decimal.TryParse(parts[4].Trim(), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var a) ? a : null;
        DateOnly? date = DateOnly.TryParseExact(parts[5].Trim(), "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;
        var check = parts[6].Trim();
        return new QrPayload(type, code.Length == 0 ? null : code, number, amount, date, check.Length == 0 ? null : check);
    }
}
