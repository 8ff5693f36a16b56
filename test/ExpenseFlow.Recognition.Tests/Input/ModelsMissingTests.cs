using ExpenseFlow.Recognition.Tests.Support;
using SkiaSharp;

namespace ExpenseFlow.Recognition.Tests.Input;

public class ModelsMissingTests
{
    [Fact]
    public void Recognize_ImageWithoutModels_IsOcrUnavailableAndNamesTheFetchScript()
    {
        var empty = Directory.CreateTempSubdirectory("ef-no-models-");
        try
        {
            using var engine = new RecognitionEngine(new RecognitionOptions { ModelsDirectory = empty.FullName });
            using var bmp = InvoiceRenderer.Bitmap(SampleInvoice.Ordinary, 4, withQr: false);

            var r = engine.Recognize(InvoiceRenderer.Encode(bmp, SKEncodedImageFormat.Png, 100), "scan.png");

            r.Error.ShouldBe(ErrorCodes.OcrUnavailable);
            r.Warnings.ShouldContain(w => w.Contains("etc/scripts/fetch-models.sh", StringComparison.Ordinal));
        }
        finally
        {
            empty.Delete(recursive: true);
        }
    }

    [SharedDataFact("ofd")]
    public void Recognize_OfdWithoutModels_StillReadsEverything()
    {
        var empty = Directory.CreateTempSubdirectory("ef-no-models-");
        try
        {
            using var engine = new RecognitionEngine(new RecognitionOptions { ModelsDirectory = empty.FullName });
            var r = engine.Recognize(File.ReadAllBytes(Path.Combine(TestData.Ofd, "1.ofd")), "1.ofd");
            r.Error.ShouldBeNull();
            r.Fields.InvoiceNumber.ShouldBe("83089647");
        }
        finally
        {
            empty.Delete(recursive: true);
        }
    }
}
