using System.Text;
using ExpenseFlow.Recognition.Input;
using SkiaSharp;

namespace ExpenseFlow.Recognition.Tests.Input;

public class KindDetectionTests
{
    [Theory]
    [InlineData(SKEncodedImageFormat.Jpeg, InputKind.Jpeg)]
    [InlineData(SKEncodedImageFormat.Png, InputKind.Png)]
    [InlineData(SKEncodedImageFormat.Webp, InputKind.WebP)]
    public void Detect_ImagesByContent(SKEncodedImageFormat format, InputKind expected)
    {
        using var bmp = new SKBitmap(16, 16);
        using var data = bmp.Encode(format, 90);
        ContentSniffer.Detect(data.ToArray()).ShouldBe(expected);
    }

    [SharedDataFact("ofd")]
    public void Detect_DocumentsByContent_IgnoringTheExtension()
    {
        ContentSniffer.Detect("%PDF-1.7\n"u8).ShouldBe(InputKind.Pdf);
        ContentSniffer.Detect(Encoding.UTF8.GetBytes("\uFEFF<?xml version=\"1.0\"?><eInvoice/>")).ShouldBe(InputKind.Xml);
        ContentSniffer.Detect("BM\0\0\0\0\0\0\0\0\0\0\0\0\0\0"u8).ShouldBe(InputKind.Bmp);
        ContentSniffer.Detect(File.ReadAllBytes(Path.Combine(Support.TestData.Ofd, "1.ofd"))).ShouldBe(InputKind.Ofd);
        ContentSniffer.Detect("hello world"u8).ShouldBe(InputKind.Unknown);
    }

    [Fact]
    public void Recognize_ANonInvoiceXml_IsUnknownWithoutError()
    {
        using var engine = Support.TestData.ExactOnly();
        var r = engine.Recognize(Encoding.UTF8.GetBytes("<note><to>x</to></note>"), "note.pdf");
        r.Error.ShouldBeNull();
        r.Kind.ShouldBe(DocumentKind.Unknown);
    }
}
