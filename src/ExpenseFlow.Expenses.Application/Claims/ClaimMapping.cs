using System.Globalization;
using System.Text.Json;
using ExpenseFlow.Expenses.Contracts;
using ExpenseFlow.Expenses.Domain.Claims;
using ExpenseFlow.Expenses.Domain.Policies;
using ExpenseFlow.Expenses.Domain.Receipts;

namespace ExpenseFlow.Expenses.Application.Claims;

/// <summary>Domain to DTO, in the caller's language where the domain speaks both.</summary>
internal static class ClaimMapping
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static InvoiceFieldsDto ToDto(this InvoiceFields f) => new(
        f.InvoiceType, f.InvoiceCode, f.InvoiceNumber, f.IssueDate, f.CheckCode, f.AmountExcludingTax, f.TaxAmount, f.TotalAmount,
        f.SellerName, f.SellerTaxId, f.BuyerName, f.BuyerTaxId);

    public static InvoiceFields ToDomain(this InvoiceFieldsDto? f) => f is null ? new InvoiceFields() : new InvoiceFields
    {
        InvoiceType = Trim(f.InvoiceType), InvoiceCode = Trim(f.InvoiceCode), InvoiceNumber = Trim(f.InvoiceNumber), IssueDate = f.IssueDate,
        CheckCode = Trim(f.CheckCode), AmountExcludingTax = f.AmountExcludingTax, TaxAmount = f.TaxAmount, TotalAmount = f.TotalAmount,
        SellerName = Trim(f.SellerName), SellerTaxId = Trim(f.SellerTaxId)?.ToUpperInvariant(), BuyerName = Trim(f.BuyerName),
        BuyerTaxId = Trim(f.BuyerTaxId)?.ToUpperInvariant(),
    };

    public static PolicyFindingDto ToDto(this PolicyFinding f) => new(
        f.Rule, f.Severity.ToString(), f.Line, CultureInfo.CurrentUICulture.Name.StartsWith("zh", StringComparison.OrdinalIgnoreCase) ? f.Chinese : f.English, f.Justification);

    public static ClaimLineDto ToDto(this ClaimLine l, LineTicketDto? ticket = null) => new(
        l.Id, l.Position, l.Category, l.Amount, l.Currency, l.ExchangeRate, l.AmountInBase, l.ExpenseDate, l.CostCentreCode, l.Description,
        l.ReceiptIds, l.Invoice.ToDto(), l.DocumentIndex, ticket);

    public static ClaimDto ToDto(this Claim c, IReadOnlyList<ClaimEventDto> timeline, IReadOnlyDictionary<Guid, LineTicketDto>? tickets = null) => new(
        c.Id, c.Number, c.EmployeeId, c.LegalEntityId, c.Title, c.Status.ToString(), c.BaseCurrency, c.TotalInBase, c.CreatedAt, c.UpdatedAt,
        c.SubmittedAt, c.Lines.OrderBy(l => l.Position).Select(l => l.ToDto(tickets?.GetValueOrDefault(l.Id))).ToList(), c.Findings.Select(ToDto).ToList(), timeline,
        c.TripStart, c.TripEnd, c.Travellers);

    public static ReceiptDto ToDto(this Receipt r, Guid? claimId)
    {
        RecognitionDetailDto? detail = null;
        if (r.ResultJson is not null)
        {
            detail = JsonSerializer.Deserialize<RecognitionDetailDto>(r.ResultJson, Json);
        }

        return new ReceiptDto(r.Id, r.FileName, r.ContentType, r.Size, r.ContentHash, r.UploadedAt, r.Status.ToString(), r.Attempts, r.Error,
            r.DocumentKind, r.Proposed?.ToDto(), r.ProposedCurrency, detail, claimId);
    }

    private static string? Trim(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
