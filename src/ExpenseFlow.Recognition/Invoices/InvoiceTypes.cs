namespace ExpenseFlow.Recognition.Invoices;

/// <summary>Invoice type codes (as printed in the QR) and the titles that name them.</summary>
public static class InvoiceTypes
{
    public static bool IsElectronic(string? type) => type is "08" or "10" or "14" or "31" or "32";

    /// <summary>The type code from a printed or structured title such as 浙江增值税电子普通发票 or 电子发票（普通发票）.</summary>
    public static string? FromTitle(string? title)
    {
        if (string.IsNullOrEmpty(title)) return null;
        var t = title.Replace(" ", "", StringComparison.Ordinal).Replace('(', '（').Replace(')', '）');
        if (t.Contains("电子发票（增值税专用发票）", StringComparison.Ordinal)) return "31";
        if (t.Contains("电子发票（普通发票）", StringComparison.Ordinal)) return "32";
        if (t.Contains("通行费", StringComparison.Ordinal)) return "14";
        if (t.Contains("卷式", StringComparison.Ordinal) || t.Contains("卷票", StringComparison.Ordinal)) return "11";
        if (t.Contains("电子专用发票", StringComparison.Ordinal)) return "08";
        if (t.Contains("电子普通发票", StringComparison.Ordinal)) return "10";
        if (t.Contains("增值税专用发票", StringComparison.Ordinal)) return "01";
        if (t.Contains("增值税普通发票", StringComparison.Ordinal)) return "04";
        return null;
    }
}
