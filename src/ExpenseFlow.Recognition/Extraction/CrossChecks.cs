using ExpenseFlow.Recognition.Invoices;

namespace ExpenseFlow.Recognition.Extraction;

/// <summary>Checks that raise or lower confidence: amount + tax = total, 大写 = 小写, tax-ID check character, plausible date.</summary>
internal static class CrossChecks
{
    public static void Apply(FieldCollector c, decimal? capitalTotal, DateOnly today)
    {
        var f = c.Result.Fields;
        if (f is { AmountExcludingTax: { } net, TaxAmount: { } tax, TotalAmount: { } total })
        {
            if (net + tax == total)
            {
                foreach (var n in new[] { FieldNames.AmountExcludingTax, FieldNames.TaxAmount, FieldNames.TotalAmount }) c.Raise(n, 0.97);
            }
            else
            {
                c.Result.Warnings.Add($"amount {net} + tax {tax} ≠ total {total}");
                foreach (var n in new[] { FieldNames.AmountExcludingTax, FieldNames.TaxAmount, FieldNames.TotalAmount }) c.AdjustConfidence(n, 0.6);
            }
        }
        if (capitalTotal is { } cap && f.TotalAmount is { } t2)
        {
            if (cap == t2) c.Raise(FieldNames.TotalAmount, 0.99);
            else
            {
                c.Result.Warnings.Add($"total in capitals (大写) {cap} ≠ total in figures {t2}");
                c.AdjustConfidence(FieldNames.TotalAmount, 0.5);
            }
        }
        CheckTaxId(c, FieldNames.SellerTaxId);
        CheckTaxId(c, FieldNames.BuyerTaxId);
        if (f.IssueDate is { } d && (d > today.AddDays(2) || d < today.AddYears(-10)))
        {
            c.Result.Warnings.Add($"issue date {d:yyyy-MM-dd} is implausible");
            c.AdjustConfidence(FieldNames.IssueDate, 0.7);
        }
    }

    private static void CheckTaxId(FieldCollector c, string field)
    {
        var id = c.Current(field);
        if (id is null) return;
        if (id.Length is not (15 or 18 or 20))
        {
            // A unified code has 18 characters, older taxpayer numbers 15 or 20: any other length lost or gained one.
            c.Result.Warnings.Add($"{field}: '{id}' has {id.Length} characters, a taxpayer id has 15, 18 or 20");
            c.AdjustConfidence(field, 0.6);
            return;
        }
        if (id.Length != 18) return;
        if (Uscc.IsValid(id)) { c.Raise(field, 0.95); return; }
        if (c.SourceOf(field) == FieldSource.Ocr && Uscc.RepairOneCharacter(id) is { } fixedId)
        {
            var f = c.Result.Fields;
            if (field == FieldNames.SellerTaxId) f.SellerTaxId = fixedId; else f.BuyerTaxId = fixedId;
            c.Result.Warnings.Add($"{field}: OCR read '{id}', corrected to '{fixedId}' by the check character");
            c.AdjustConfidence(field, 0.9);
            return;
        }
        c.Result.Warnings.Add($"{field}: '{id}' fails the USCC check character");
        c.AdjustConfidence(field, 0.7);
    }
}
