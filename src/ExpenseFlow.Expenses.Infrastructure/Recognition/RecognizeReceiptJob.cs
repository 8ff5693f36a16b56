using System.Text.Json;
using ExpenseFlow.Expenses.Domain.Claims;
using ExpenseFlow.Expenses.Domain.Receipts;
using ExpenseFlow.Expenses.Infrastructure.Storage;
using ExpenseFlow.Recognition;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace ExpenseFlow.Expenses.Infrastructure.Recognition;

/// <summary>
/// Reads one receipt with the recognition engine, as a Hangfire job with retries. Running it twice is harmless:
/// a receipt already recognised is left alone.
/// </summary>
public sealed class RecognizeReceiptJob(
    ExpensesDbContext db, IReceiptStorage storage, RecognitionEngine engine, TimeProvider clock, ILogger<RecognizeReceiptJob> logger)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    [AutomaticRetry(Attempts = 3, DelaysInSeconds = [10, 60, 300])]
    [Queue("recognition")]
    public async Task RunAsync(Guid receiptId, CancellationToken cancellationToken)
    {
        var receipt = await db.Receipts.FirstOrDefaultAsync(r => r.Id == receiptId, cancellationToken);
        if (receipt is null || !receipt.Start(clock.GetUtcNow()))
        {
            return;
        }

        await db.SaveChangesAsync(cancellationToken);
        byte[] bytes;
        await using (var stream = await storage.OpenAsync(receipt.ContentHash, cancellationToken))
        {
            if (stream is null)
            {
                receipt.Fail("The stored file is missing.", clock.GetUtcNow());
                await db.SaveChangesAsync(cancellationToken);
                return;
            }

            using var memory = new MemoryStream();
            await stream.CopyToAsync(memory, cancellationToken);
            bytes = memory.ToArray();
        }

        // Hangfire's token ends with the server: the engine stops the document's work at once and the job is retried.
        var result = engine.Recognize(bytes, receipt.FileName, cancellationToken);
        if (result.Error == ErrorCodes.OcrUnavailable || result.Error == ErrorCodes.Timeout)
        {
            // Transient or a setup fault: let Hangfire retry rather than record a verdict.
            receipt.Fail(result.Error, clock.GetUtcNow());
            await db.SaveChangesAsync(cancellationToken);
            throw new InvalidOperationException($"Recognition of receipt {receiptId} failed: {result.Error}");
        }

        ProposalBounds.Apply(result);
        var f = result.Fields;
        var proposed = Proposal(result);
        var detail = new
        {
            sources = result.Sources.ToDictionary(p => p.Key, p => Source(p.Value)),
            confidence = result.Confidence,
            warnings = result.Warnings,
            textLines = result.TextLines.Select(l => new { l.Text, l.Confidence, l.X, l.Y, l.Width, l.Height }),
            elapsedMs = result.ElapsedMs,
            identity = result.Identity,
            identityConfidence = DocumentIdentity.Confidence(result),
            travelDate = f.TravelDate,
            travel = Travel(f.Travel),
            documents = result.Documents.Count == 0 ? null : result.Documents.Select(d => new
            {
                kind = ResultJson.KindName(d.Kind),
                identity = d.Identity,
                identityConfidence = DocumentIdentity.Confidence(d),
                box = d.Box is { } b ? new[] { b.X, b.Y, b.Width, b.Height } : [],
                proposed = Proposal(d),
                currency = d.Fields.Currency,
                travelDate = d.Fields.TravelDate,
                travel = Travel(d.Fields.Travel),
            }).ToList(),
        };
        receipt.Complete(ResultJson.KindName(result.Kind), proposed, f.Currency, JsonSerializer.Serialize(detail, Json), result.Error, clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("Receipt {ReceiptId} recognised as {Kind} in {Elapsed} ms", receiptId, receipt.DocumentKind, result.ElapsedMs);
    }

    internal static string Source(FieldSource source) => source switch
    {
        FieldSource.Xml => "xml",
        FieldSource.Ofd => "ofd",
        FieldSource.PdfText => "pdf-text",
        FieldSource.Qr => "qr",
        _ => "ocr",
    };

    /// <summary>
    /// What a claim line takes from a document: a ticket's date is the day of travel when it prints no issue date (a
    /// paper railway ticket), as that is the day the expense was incurred.
    /// </summary>
    private static InvoiceFields Proposal(RecognitionResult r)
    {
        var f = r.Fields;
        return new InvoiceFields
        {
            InvoiceType = f.InvoiceType, InvoiceCode = f.InvoiceCode, InvoiceNumber = f.InvoiceNumber, IssueDate = f.IssueDate ?? f.TravelDate,
            CheckCode = f.CheckCode, AmountExcludingTax = f.AmountExcludingTax, TaxAmount = f.TaxAmount, TotalAmount = f.TotalAmount,
            SellerName = f.SellerName, SellerTaxId = f.SellerTaxId, BuyerName = f.BuyerName, BuyerTaxId = f.BuyerTaxId,
        };
    }

    private static object? Travel(TravelDetails t) => t.IsEmpty ? null : new
    {
        t.PassengerName, t.From, t.To, t.TrainNumber, t.FlightNumber, t.SeatClass, t.Seat, t.DepartureTime, t.ArrivalTime,
        t.DistanceKm, t.PlateNumber, t.CheckIn, t.CheckOut, t.Nights, t.NightlyRate, t.Room,
    };
}
