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

        var r = engine.Recognize(InvoiceRenderer.Pdf(inv), "invoice.pdf");

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

        var r = engine.Recognize(InvoiceRenderer.Pdf(inv), "shudian.pdf");

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
}
