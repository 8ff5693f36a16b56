using ExpenseFlow.Recognition.Tests.Support;
using SkiaSharp;

namespace ExpenseFlow.Recognition.Tests.Pdf;

public class PdfTests
{
    [Fact]
    public void Recognize_PdfWithTextLayer_ReadsEveryFieldWithoutOcr()
    {
        var inv = SampleInvoice.Ordinary;
        using var engine = TestData.ExactOnly();

        var bytes = InvoiceRenderer.Pdf(inv);
        DumpForBench("ordinary.pdf", bytes, inv);
        var r = engine.Recognize(bytes, "invoice.pdf");

        r.Error.ShouldBeNull();
        FieldCheck.Wrong(inv, r).ShouldBeEmpty(string.Join(" | ", r.TextLines.Select(l => l.Text)));
        r.Kind.ShouldBe(DocumentKind.EInvoice);
        r.Sources[FieldNames.SellerName].ShouldBe(FieldSource.PdfText);
        r.Sources[FieldNames.InvoiceNumber].ShouldBe(FieldSource.Qr);
        r.Sources.Values.ShouldNotContain(FieldSource.Ocr);
        r.Warnings.ShouldBeEmpty();
    }

    [Fact]
    public void Recognize_FullyDigitalPdf_ReadsBuyerLeftAndSellerRight()
    {
        var inv = SampleInvoice.FullyDigitalOrdinary;
        using var engine = TestData.ExactOnly();

        var bytes = InvoiceRenderer.Pdf(inv);
        DumpForBench("digital.pdf", bytes, inv);
        var r = engine.Recognize(bytes, "shudian.pdf");

        FieldCheck.Wrong(inv, r).ShouldBeEmpty(string.Join(" | ", r.TextLines.Select(l => l.Text)));
        r.Fields.InvoiceCode.ShouldBeNull();
    }

    [Fact]
    public void Recognize_ImageOnlyPdf_ReadsTheScanThroughQrAndOcr()
    {
        var inv = SampleInvoice.Ordinary;
        using var page = InvoiceRenderer.Bitmap(inv, 8);
        using var ms = new MemoryStream();
        using (var doc = SKDocument.CreatePdf(ms))
        {
            const float ptPerMm = 72f / 25.4f;
            using var canvas = doc.BeginPage(InvoiceRenderer.PageWidthMm * ptPerMm, InvoiceRenderer.PageHeightMm * ptPerMm);
            canvas.DrawBitmap(page, new SKRect(0, 0, InvoiceRenderer.PageWidthMm * ptPerMm, InvoiceRenderer.PageHeightMm * ptPerMm));
            doc.EndPage();
            doc.Close();
        }

        var r = Engines.WithOcr.Recognize(ms.ToArray(), "scan.pdf");

        r.Error.ShouldBeNull();
        FieldCheck.Wrong(inv, r).ShouldBeEmpty(string.Join(" | ", r.TextLines.Select(l => l.Text)));
        r.Sources[FieldNames.SellerName].ShouldBe(FieldSource.Ocr);
    }

    /// <summary>With EXPENSEFLOW_TEST_DUMP=DIR, the text-layer PDFs go to DIR/pdf with their labels (the bench's genpdf set).</summary>
    private static void DumpForBench(string file, byte[] bytes, SampleInvoice inv)
    {
        if (Environment.GetEnvironmentVariable("EXPENSEFLOW_TEST_DUMP") is { Length: > 0 } dump)
            Generated.GeneratedInvoiceTests.Dump(Path.Combine(dump, "pdf"), file, bytes, inv);
    }

    private static readonly float PageHeightPt = InvoiceRenderer.PageHeightMm * 72f / 25.4f;

    [Fact]
    public void Recognize_InvoicePdfWithAnItemListOnPage2_KeepsThePage1FieldsAndReadsPage2BelowIt()
    {
        var inv = SampleInvoice.Ordinary;
        using var engine = TestData.ExactOnly();
        var pdf = InvoiceRenderer.Pages(false, InvoiceRenderer.InvoicePage(inv), c =>
        {
            InvoiceRenderer.DrawText(c, "销货清单", 90, 15, 5);
            InvoiceRenderer.DrawText(c, "项目名称", 12, 30);
            InvoiceRenderer.DrawText(c, "金额", 140, 30);
            InvoiceRenderer.DrawText(c, "*办公用品*订书机", 12, 38);
            InvoiceRenderer.DrawText(c, "35.40", 140, 38);
        });

        DumpForBench("ordinary-2-pages.pdf", pdf, inv);
        var r = engine.Recognize(pdf, "invoice-with-list.pdf");

        r.Error.ShouldBeNull();
        FieldCheck.Wrong(inv, r).ShouldBeEmpty(string.Join(" | ", r.TextLines.Select(l => l.Text)));
        var listTitle = r.TextLines.Where(l => l.Text.Replace(" ", "") == "销货清单").ShouldHaveSingleItem();
        listTitle.Y.ShouldBeGreaterThan(PageHeightPt, "page 2 lies below page 1");
        r.TextLines.Where(l => l.Y < PageHeightPt).ShouldNotContain(l => l.Text.Contains("订书机"));
    }

    [Fact]
    public void Recognize_ReceiptPdfThatTotalsOnItsLastPage_ReadsTheTotalFromThatPage()
    {
        using var engine = TestData.ExactOnly();
        var pdf = InvoiceRenderer.Pages(false,
            c =>
            {
                InvoiceRenderer.DrawText(c, "HARBOUR VIEW HOTEL SDN BHD", 60, 15, 5);
                InvoiceRenderer.DrawText(c, "Date: 14/09/2026", 20, 30);
                InvoiceRenderer.DrawText(c, "Room 1208 2 nights", 20, 45);
                InvoiceRenderer.DrawText(c, "560.00", 160, 45);
                InvoiceRenderer.DrawText(c, "Breakfast", 20, 55);
                InvoiceRenderer.DrawText(c, "76.00", 160, 55);
            },
            c =>
            {
                InvoiceRenderer.DrawText(c, "Laundry", 20, 20);
                InvoiceRenderer.DrawText(c, "24.50", 160, 20);
                InvoiceRenderer.DrawText(c, "GRAND TOTAL", 20, 40);
                InvoiceRenderer.DrawText(c, "660.50", 160, 40);
            });

        var r = engine.Recognize(pdf, "folio.pdf");

        r.Error.ShouldBeNull();
        r.Kind.ShouldBe(DocumentKind.Receipt);
        r.Fields.TotalAmount.ShouldBe(660.50m);
        r.Sources[FieldNames.TotalAmount].ShouldBe(FieldSource.PdfText);
        r.Fields.SellerName.ShouldBe("HARBOUR VIEW HOTEL SDN BHD");
        r.Fields.IssueDate.ShouldBe(new DateOnly(2026, 9, 14));
    }

    [Fact]
    public void Recognize_ScannedPdfOfTwoPages_RecognisesBothPages()
    {
        var pdf = InvoiceRenderer.Pages(true,
            c =>
            {
                InvoiceRenderer.DrawText(c, "HARBOUR VIEW HOTEL SDN BHD", 40, 20, 7);
                InvoiceRenderer.DrawText(c, "Date: 14/09/2026", 20, 45, 6);
                InvoiceRenderer.DrawText(c, "Room 1208 2 nights", 20, 70, 6);
                InvoiceRenderer.DrawText(c, "560.00", 150, 70, 6);
            },
            c =>
            {
                InvoiceRenderer.DrawText(c, "GRAND TOTAL", 20, 40, 6);
                InvoiceRenderer.DrawText(c, "560.00", 150, 40, 6);
            });

        var r = Engines.WithOcr.Recognize(pdf, "scanned-folio.pdf");

        r.Error.ShouldBeNull();
        r.Fields.TotalAmount.ShouldBe(560.00m);
        r.Sources[FieldNames.TotalAmount].ShouldBe(FieldSource.Ocr);
        r.Fields.SellerName.ShouldBe("HARBOUR VIEW HOTEL SDN BHD");
        var pageHeightPx = InvoiceRenderer.PageHeightMm * 8;
        r.TextLines.ShouldContain(l => l.Text.Contains("TOTAL") && l.Y > pageHeightPx, string.Join(" | ", r.TextLines.Select(l => $"{l.Text}@{l.Y:0}")));
    }
}
