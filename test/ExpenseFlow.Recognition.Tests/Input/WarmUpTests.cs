namespace ExpenseFlow.Recognition.Tests.Input;

/// <summary>The in-memory documents the engine warms its exact sources with are read like real ones.</summary>
public class WarmUpTests
{
    [Fact]
    public void WarmUpSamples_AreEachReadByTheirExactSource()
    {
        using var engine = new RecognitionEngine(new RecognitionOptions { EnableOcr = false, WarmUpOnCreate = false });
        var expected = new Dictionary<string, FieldSource>
        {
            ["warm-up.xml"] = FieldSource.Xml, ["warm-up.ofd"] = FieldSource.Ofd,
            ["warm-up.png"] = FieldSource.Qr,
        };

        var samples = WarmUpSamples.All().ToList();
        samples.Select(s => s.Name).ShouldContain("warm-up-cid.pdf");
        foreach (var (name, bytes) in samples)
        {
            var r = engine.Recognize(bytes, name);
            r.Error.ShouldBeNull(name);
            if (name == "warm-up-cid.pdf")
            {
                // Text in an embedded TrueType font (fonts-dejavu-core or another the machine has) and the QR as an image.
                r.Sources[FieldNames.InvoiceNumber].ShouldBe(FieldSource.Qr);
                r.TextLines.ShouldContain(l => l.Text.Contains("Total: 1280.50", StringComparison.Ordinal));
                continue;
            }
            if (name.EndsWith(".pdf", StringComparison.Ordinal))
            {
                // Latin text only (a standard PDF font), so the receipt rules read it.
                r.Fields.TotalAmount.ShouldBe(1280.50m);
                r.Sources[FieldNames.TotalAmount].ShouldBe(FieldSource.PdfText);
                continue;
            }
            r.Fields.InvoiceNumber.ShouldBe("52781364", name);
            r.Sources[FieldNames.InvoiceNumber].ShouldBe(expected[name], name);
        }
    }

    [Fact]
    public void WarmUp_WithoutOcr_ReturnsAndLeavesTheEngineWorking()
    {
        using var engine = new RecognitionEngine(new RecognitionOptions { EnableOcr = false });
        engine.WarmUp();
        var (name, bytes) = WarmUpSamples.All().First();
        engine.Recognize(bytes, name).Fields.InvoiceNumber.ShouldBe("52781364");
    }
}
