using System.IO.Compression;
using System.Text;
using SkiaSharp;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Fonts.Standard14Fonts;
using UglyToad.PdfPig.Writer;
using ZXing;
using ZXing.QrCode;

namespace ExpenseFlow.Recognition;

/// <summary>
/// Tiny documents made in memory (an e-invoice XML, an OFD whose tags reference page text, a PDF with a text layer, a
/// VAT QR image) that take every exact source through its code once, so a process's first real request does not pay
/// for just-in-time compilation, XML/zip/PDF/Skia initialisation. Their values are placeholders; results are discarded.
/// </summary>
internal static class WarmUpSamples
{
    private const string Code = "031001900111", Number = "52781364", Seller = "Example Seller Co Ltd", SellerId = "91330106MA2H0C7Q0J";

    public static IEnumerable<(string Name, byte[] Bytes)> All()
    {
        yield return ("warm-up.xml", Xml());
        yield return ("warm-up.ofd", Ofd());
        yield return ("warm-up.pdf", Pdf());
        if (TrueTypePdf() is { } cid) yield return ("warm-up-cid.pdf", cid);
        yield return ("warm-up.png", QrImage());
    }

    private static byte[] Xml() => Encoding.UTF8.GetBytes($"""
        <?xml version="1.0" encoding="UTF-8"?>
        <EInvoice><Header><EIid>{Code}{Number}</EIid><InvoiceCode>{Code}</InvoiceCode><InvoiceNumber>{Number}</InvoiceNumber>
        <IssueTime>2024-03-09</IssueTime></Header><Seller><SellerName>{Seller}</SellerName><SellerIdNum>{SellerId}</SellerIdNum></Seller>
        <TaxInclusiveTotalAmount>1280.50</TaxInclusiveTotalAmount><TaxTotalAmount>72.48</TaxTotalAmount>
        <TotalAmWithoutTax>1208.02</TotalAmWithoutTax></EInvoice>
        """);

    private static byte[] Ofd()
    {
        var texts = new (int Id, string Text, string Boundary)[]
        {
            (10, "电子发票（普通发票）", "60 8 90 8"),
            (11, "发票代码：", "140 6 20 4"), (12, Code, "162 6 40 4"),
            (13, "发票号码：", "140 12 20 4"), (14, Number, "162 12 40 4"),
            (15, "开票日期：", "140 18 20 4"), (16, "2024年03月09日", "162 18 40 4"),
            (22, "名称：", "20 110 14 4"), (23, Seller, "40 110 60 4"),
            (24, "纳税人识别号：", "20 117 20 4"), (25, SellerId, "40 117 60 4"),
            (34, "¥", "150 102 3 4"), (35, "1280.50", "153 102 20 4"),
        };
        var content = new StringBuilder("""<?xml version="1.0" encoding="UTF-8"?><ofd:Page xmlns:ofd="http://www.ofdspec.org/2016"><ofd:Content><ofd:Layer ID="2">""");
        foreach (var (id, text, boundary) in texts)
            content.Append($"""<ofd:TextObject ID="{id}" Boundary="{boundary}" Font="1" Size="3.175"><ofd:TextCode X="0" Y="3">{text}</ofd:TextCode></ofd:TextObject>""");
        content.Append("</ofd:Layer></ofd:Content></ofd:Page>");
        static string Ref(int id) => $"""<ofd:ObjectRef PageRef="1">{id}</ofd:ObjectRef>""";
        var files = new Dictionary<string, string>
        {
            ["OFD.xml"] = """<?xml version="1.0" encoding="UTF-8"?><ofd:OFD xmlns:ofd="http://www.ofdspec.org/2016" DocType="OFD" Version="1.1"><ofd:DocBody><ofd:DocInfo><ofd:DocID>w</ofd:DocID><ofd:CustomDatas><ofd:CustomData Name="发票代码">031001900111</ofd:CustomData></ofd:CustomDatas></ofd:DocInfo><ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot></ofd:DocBody></ofd:OFD>""",
            ["Doc_0/Document.xml"] = """<?xml version="1.0" encoding="UTF-8"?><ofd:Document xmlns:ofd="http://www.ofdspec.org/2016"><ofd:CommonData><ofd:MaxUnitID>40</ofd:MaxUnitID><ofd:PageArea><ofd:PhysicalBox>0 0 210 140</ofd:PhysicalBox></ofd:PageArea></ofd:CommonData><ofd:Pages><ofd:Page ID="1" BaseLoc="Pages/Page_0/Content.xml"/></ofd:Pages><ofd:CustomTags>Tags/CustomTags.xml</ofd:CustomTags></ofd:Document>""",
            ["Doc_0/Pages/Page_0/Content.xml"] = content.ToString(),
            ["Doc_0/Tags/CustomTags.xml"] = """<?xml version="1.0" encoding="UTF-8"?><ofd:CustomTags xmlns:ofd="http://www.ofdspec.org/2016"><ofd:CustomTag TypeID="invoice"><ofd:FileLoc>Invoice_Tag.xml</ofd:FileLoc></ofd:CustomTag></ofd:CustomTags>""",
            ["Doc_0/Tags/Invoice_Tag.xml"] = $"""<?xml version="1.0" encoding="UTF-8"?><fp:eInvoice xmlns:fp="http://www.edrm.org.cn/schema/e-invoice/2019" xmlns:ofd="http://www.ofdspec.org/2016"><fp:InvoiceCode>{Ref(12)}</fp:InvoiceCode><fp:InvoiceNo>{Ref(14)}</fp:InvoiceNo><fp:IssueDate>{Ref(16)}</fp:IssueDate><fp:Seller><fp:SellerName>{Ref(23)}</fp:SellerName><fp:SellerTaxID>{Ref(25)}</fp:SellerTaxID></fp:Seller><fp:TaxInclusiveTotalAmount>{Ref(35)}</fp:TaxInclusiveTotalAmount></fp:eInvoice>""",
        };
        using var ms = new MemoryStream();
        using (var zip = new ZipArchive(ms, ZipArchiveMode.Create, leaveOpen: true))
            foreach (var (name, text) in files)
            {
                using var s = zip.CreateEntry(name).Open();
                s.Write(Encoding.UTF8.GetBytes(text));
            }
        return ms.ToArray();
    }

    private static byte[] Pdf()
    {
        var builder = new PdfDocumentBuilder();
        var page = builder.AddPage(595, 420);
        var font = builder.AddStandard14Font(Standard14Font.Helvetica);
        string[] lines = [$"Invoice Code: {Code}", $"Invoice No: {Number}", "Date: 2024-03-09", $"Seller: {Seller}", $"Tax ID: {SellerId}", "Total: 1280.50"];
        for (var i = 0; i < lines.Length; i++) page.AddText(lines[i], 10, new PdfPoint(40, 380 - 16 * i), font);
        return builder.Build();
    }

    /// <summary>Small TrueType fonts a Debian machine usually has (fonts-dejavu-core, fonts-liberation); the first found is used.</summary>
    private static readonly string[] TrueTypeFonts =
    [
        "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf", "/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf",
        "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
    ];

    /// <summary>
    /// A PDF as invoice issuers write them: text in an embedded TrueType (Type0/CIDFontType2, Identity-H with a ToUnicode
    /// map) font, with the QR code as an image, so the first real e-invoice PDF does not pay for compiling PdfPig's
    /// TrueType and CMap readers. Null when the machine has none of the fonts (the sample is only a warm-up).
    /// </summary>
    private static byte[]? TrueTypePdf()
    {
        var path = TrueTypeFonts.FirstOrDefault(File.Exists);
        using var face = path is null ? null : SKTypeface.FromFile(path);
        if (face is null) return null;
        using var font = new SKFont(face, 10);
        using var ink = new SKPaint { Color = SKColors.Black, IsAntialias = true };
        using var qr = SKBitmap.Decode(QrImage());
        using var ms = new MemoryStream();
        using (var doc = SKDocument.CreatePdf(ms))
        {
            using var canvas = doc.BeginPage(595, 420);
            canvas.DrawBitmap(qr, new SKRect(20, 20, 80, 80));
            string[] lines = [$"Invoice Code: {Code}", $"Invoice No: {Number}", "Date: 2024-03-09", $"Seller: {Seller}", $"Tax ID: {SellerId}", "Total: 1280.50"];
            for (var i = 0; i < lines.Length; i++) canvas.DrawText(lines[i], 100, 40 + 16 * i, SKTextAlign.Left, font, ink);
            doc.EndPage();
            doc.Close();
        }
        return ms.ToArray();
    }

    private static byte[] QrImage()
    {
        var matrix = new QRCodeWriter().encode($"01,10,{Code},{Number},1208.02,20240309,10693284715520896431,A1B2,", BarcodeFormat.QR_CODE, 0, 0);
        const int module = 4, margin = 4;
        var size = (matrix.Width + 2 * margin) * module;
        using var bitmap = new SKBitmap(size, size, SKColorType.Rgba8888, SKAlphaType.Premul);
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(SKColors.White);
            using var black = new SKPaint { Color = SKColors.Black };
            for (var y = 0; y < matrix.Height; y++)
            for (var x = 0; x < matrix.Width; x++)
                if (matrix[x, y]) canvas.DrawRect((x + margin) * module, (y + margin) * module, module, module, black);
        }
        using var image = SKImage.FromBitmap(bitmap);
        using var png = image.Encode(SKEncodedImageFormat.Png, 100);
        return png.ToArray();
    }
}
