using System.IO.Compression;
using System.Text;
using ExpenseFlow.Recognition.Tests.Support;
using SkiaSharp;
using ZXing;
using ZXing.QrCode;

namespace ExpenseFlow.Expenses.Tests.Api;

/// <summary>
/// Receipts written by the test itself, so the mutation test runs on a fresh clone: an e-invoice XML, an OFD whose
/// tags reference its page text, a text-layer PDF and photos of the generated invoice, a VAT QR code alone.
/// </summary>
internal static class ReceiptSamples
{
    public const string Code = "031001900111";

    public static string Xml(string number, decimal total = 1280.50m) => $"""
        <?xml version="1.0" encoding="UTF-8"?>
        <EInvoice><Header><EIid>{Code}{number}</EIid><InvoiceCode>{Code}</InvoiceCode><InvoiceNumber>{number}</InvoiceNumber>
        <IssueTime>2026-11-09</IssueTime></Header><Seller><SellerName>杭州西溪餐饮管理有限公司</SellerName><SellerIdNum>91330106MA2H0C7Q0J</SellerIdNum></Seller>
        <Buyer><BuyerName>上海示例科技有限公司</BuyerName><BuyerIdNum>91310115MA1K4B2C3J</BuyerIdNum></Buyer>
        <TaxInclusiveTotalAmount>{Money(total)}</TaxInclusiveTotalAmount><TaxTotalAmount>72.48</TaxTotalAmount>
        <TotalAmWithoutTax>{Money(total - 72.48m)}</TotalAmWithoutTax></EInvoice>
        """;

    private static string Money(decimal value) => value.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture);

    public static byte[] Ofd(string number)
    {
        var texts = new (int Id, string Text, string Boundary)[]
        {
            (10, "电子发票（普通发票）", "60 8 90 8"),
            (11, "发票代码：", "140 6 20 4"), (12, Code, "162 6 40 4"),
            (13, "发票号码：", "140 12 20 4"), (14, number, "162 12 40 4"),
            (15, "开票日期：", "140 18 20 4"), (16, "2026年11月09日", "162 18 40 4"),
            (22, "名称：", "20 110 14 4"), (23, "杭州西溪餐饮管理有限公司", "40 110 60 4"),
            (24, "纳税人识别号：", "20 117 20 4"), (25, "91330106MA2H0C7Q0J", "40 117 60 4"),
            (34, "¥", "150 102 3 4"), (35, "1280.50", "153 102 20 4"),
        };
        var content = new StringBuilder("""<?xml version="1.0" encoding="UTF-8"?><ofd:Page xmlns:ofd="http://www.ofdspec.org/2016"><ofd:Content><ofd:Layer ID="2">""");
        foreach (var (id, text, boundary) in texts)
        {
            content.Append($"""<ofd:TextObject ID="{id}" Boundary="{boundary}" Font="1" Size="3.175"><ofd:TextCode X="0" Y="3">{text}</ofd:TextCode></ofd:TextObject>""");
        }

        content.Append("</ofd:Layer></ofd:Content></ofd:Page>");
        static string Ref(int id) => $"""<ofd:ObjectRef PageRef="1">{id}</ofd:ObjectRef>""";
        var files = new Dictionary<string, string>
        {
            ["OFD.xml"] = """<?xml version="1.0" encoding="UTF-8"?><ofd:OFD xmlns:ofd="http://www.ofdspec.org/2016" DocType="OFD" Version="1.1"><ofd:DocBody><ofd:DocInfo><ofd:DocID>m</ofd:DocID></ofd:DocInfo><ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot></ofd:DocBody></ofd:OFD>""",
            ["Doc_0/Document.xml"] = """<?xml version="1.0" encoding="UTF-8"?><ofd:Document xmlns:ofd="http://www.ofdspec.org/2016"><ofd:CommonData><ofd:MaxUnitID>40</ofd:MaxUnitID><ofd:PageArea><ofd:PhysicalBox>0 0 210 140</ofd:PhysicalBox></ofd:PageArea></ofd:CommonData><ofd:Pages><ofd:Page ID="1" BaseLoc="Pages/Page_0/Content.xml"/></ofd:Pages><ofd:CustomTags>Tags/CustomTags.xml</ofd:CustomTags></ofd:Document>""",
            ["Doc_0/Pages/Page_0/Content.xml"] = content.ToString(),
            ["Doc_0/Tags/CustomTags.xml"] = """<?xml version="1.0" encoding="UTF-8"?><ofd:CustomTags xmlns:ofd="http://www.ofdspec.org/2016"><ofd:CustomTag TypeID="invoice"><ofd:FileLoc>Invoice_Tag.xml</ofd:FileLoc></ofd:CustomTag></ofd:CustomTags>""",
            ["Doc_0/Tags/Invoice_Tag.xml"] = $"""<?xml version="1.0" encoding="UTF-8"?><fp:eInvoice xmlns:fp="http://www.edrm.org.cn/schema/e-invoice/2019" xmlns:ofd="http://www.ofdspec.org/2016"><fp:InvoiceCode>{Ref(12)}</fp:InvoiceCode><fp:InvoiceNo>{Ref(14)}</fp:InvoiceNo><fp:IssueDate>{Ref(16)}</fp:IssueDate><fp:Seller><fp:SellerName>{Ref(23)}</fp:SellerName><fp:SellerTaxID>{Ref(25)}</fp:SellerTaxID></fp:Seller><fp:TaxInclusiveTotalAmount>{Ref(35)}</fp:TaxInclusiveTotalAmount></fp:eInvoice>""",
        };
        using var ms = new MemoryStream();
        using (var zip = new ZipArchive(ms, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, text) in files)
            {
                using var s = zip.CreateEntry(name).Open();
                s.Write(Encoding.UTF8.GetBytes(text));
            }
        }

        return ms.ToArray();
    }

    public static byte[] Pdf() => InvoiceRenderer.Pdf(SampleInvoice.Ordinary);

    public static byte[] Photo(SKEncodedImageFormat format)
    {
        using var bitmap = InvoiceRenderer.Bitmap(SampleInvoice.Ordinary, 6f);
        return InvoiceRenderer.Encode(bitmap, format, 85);
    }

    /// <summary>A QR code alone on a small white image: the payload is all there is to read.</summary>
    public static byte[] Qr(string payload)
    {
        var matrix = new QRCodeWriter().encode(payload, BarcodeFormat.QR_CODE, 0, 0);
        const int module = 4, margin = 4;
        var size = (matrix.Width + 2 * margin) * module;
        using var bitmap = new SKBitmap(size, size);
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(SKColors.White);
            using var black = new SKPaint { Color = SKColors.Black };
            for (var y = 0; y < matrix.Height; y++)
            {
                for (var x = 0; x < matrix.Width; x++)
                {
                    if (matrix[x, y])
                    {
                        canvas.DrawRect((x + margin) * module, (y + margin) * module, module, module, black);
                    }
                }
            }
        }

        return InvoiceRenderer.Encode(bitmap, SKEncodedImageFormat.Png, 100);
    }
}
