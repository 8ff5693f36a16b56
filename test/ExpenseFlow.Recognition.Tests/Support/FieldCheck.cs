namespace ExpenseFlow.Recognition.Tests.Support;

/// <summary>Compares a result with the invoice the test drew: the names of the fields that are not exact.</summary>
public static class FieldCheck
{
    /// <summary>How many fields Wrong compares for this invoice.</summary>
    public static int Count(SampleInvoice inv) => 13 + 1 + 4 * inv.Items.Count;

    public static List<string> Wrong(SampleInvoice inv, RecognitionResult r)
    {
        var f = r.Fields;
        var wrong = new List<string>();
        void Check(string name, object? expected, object? actual)
        {
            if (!Equals(expected, actual)) wrong.Add($"{name}: expected '{expected}' got '{actual}'");
        }
        Check(FieldNames.InvoiceType, inv.Type, f.InvoiceType);
        Check(FieldNames.InvoiceCode, inv.Code, f.InvoiceCode);
        Check(FieldNames.InvoiceNumber, inv.Number, f.InvoiceNumber);
        Check(FieldNames.IssueDate, inv.Date, f.IssueDate);
        Check(FieldNames.CheckCode, inv.CheckCode, f.CheckCode);
        Check(FieldNames.AmountExcludingTax, inv.Amount, f.AmountExcludingTax);
        Check(FieldNames.TaxAmount, inv.Tax, f.TaxAmount);
        Check(FieldNames.TotalAmount, inv.Total, f.TotalAmount);
        Check(FieldNames.Currency, "CNY", f.Currency);
        Check(FieldNames.BuyerName, inv.BuyerName, f.BuyerName);
        Check(FieldNames.BuyerTaxId, inv.BuyerTaxId, f.BuyerTaxId);
        Check(FieldNames.SellerName, inv.SellerName, f.SellerName);
        Check(FieldNames.SellerTaxId, inv.SellerTaxId, f.SellerTaxId);
        if (inv.Items.Count != f.Items.Count)
            wrong.Add($"items: expected {inv.Items.Count} got [{string.Join(" | ", f.Items.Select(i => $"{i.Name} {i.Amount} {i.TaxRate} {i.TaxAmount}"))}]");
        if (f.Items.Count == inv.Items.Count)
            for (var i = 0; i < inv.Items.Count; i++)
            {
                Check($"items[{i}].name", inv.Items[i].Name, f.Items[i].Name);
                Check($"items[{i}].amount", inv.Items[i].Amount, f.Items[i].Amount);
                Check($"items[{i}].taxAmount", inv.Items[i].Tax, f.Items[i].TaxAmount);
                Check($"items[{i}].taxRate", inv.Items[i].Rate, f.Items[i].TaxRate);
            }
        return wrong;
    }
}
