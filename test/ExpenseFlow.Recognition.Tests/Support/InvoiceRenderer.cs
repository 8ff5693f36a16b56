using SkiaSharp;
using ZXing;
using ZXing.QrCode;

namespace ExpenseFlow.Recognition.Tests.Support;

/// <summary>
/// Draws a VAT invoice (paper/electronic layout) or a 数电票 (buyer left, seller right) in Noto CJK with its QR code,
/// on a 210×140 mm page, at a given number of pixels per millimetre. The same drawing goes to bitmaps and to PDF.
/// </summary>
public static class InvoiceRenderer
{
    // The Linux NoDependencies Skia build has no fontconfig: load Debian's fonts-noto-cjk file directly (face 2 = SC).
    private static readonly Lazy<SKTypeface> Cjk = new(() =>
    {
        string[] candidates = ["/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc", "/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc"];
        var path = candidates.FirstOrDefault(File.Exists) ?? throw new InvalidOperationException("No CJK font: install Debian's fonts-noto-cjk");
        return SKTypeface.FromFile(path, 2) ?? throw new InvalidOperationException("Cannot load " + path);
    });

    /// <summary>
    /// The font of text-layer PDFs: WenQuanYi Micro Hei (Debian's fonts-wqy-microhei, TrueType outlines), which Skia embeds
    /// as a CID TrueType font as invoice issuers' PDFs do; Noto CJK's CFF outlines would become dozens of Type3 fonts.
    /// </summary>
    private static readonly Lazy<SKTypeface> PdfCjk = new(() =>
    {
        // EXPENSEFLOW_TEST_PDF_FONT: another TrueType file, e.g. a subset as issuers embed (for the bench's documents).
        if (Environment.GetEnvironmentVariable("EXPENSEFLOW_TEST_PDF_FONT") is { Length: > 0 } chosen && SKTypeface.FromFile(chosen) is { } own) return own;
        const string wqy = "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc";
        return File.Exists(wqy) && SKTypeface.FromFile(wqy, 0) is { } face ? face : Cjk.Value;
    });

    /// <summary>The typeface text is drawn in: Noto CJK on bitmaps, <see cref="PdfCjk"/> in PDFs.</summary>
    [ThreadStatic] private static SKTypeface? _face;
    private static SKTypeface Face => _face ?? Cjk.Value;

    private static T InPdf<T>(Func<T> draw)
    {
        var previous = _face;
        _face = PdfCjk.Value;
        try { return draw(); }
        finally { _face = previous; }
    }

    public const float PageWidthMm = 210, PageHeightMm = 140;

    public static SKBitmap Bitmap(SampleInvoice inv, float pxPerMm, bool withQr = true)
    {
        var bmp = new SKBitmap((int)(PageWidthMm * pxPerMm), (int)(PageHeightMm * pxPerMm), SKColorType.Rgba8888, SKAlphaType.Premul);
        using var canvas = new SKCanvas(bmp);
        canvas.Clear(SKColors.White);
        canvas.Scale(pxPerMm);
        Draw(canvas, inv, withQr);
        return bmp;
    }

    /// <summary>A PDF with a real text layer (Skia embeds the font with a ToUnicode map) plus the QR as an image.</summary>
    public static byte[] Pdf(SampleInvoice inv) => InPdf(() =>
    {
        using var ms = new MemoryStream();
        using (var doc = SKDocument.CreatePdf(ms))
        {
            const float ptPerMm = 72f / 25.4f;
            using var canvas = doc.BeginPage(PageWidthMm * ptPerMm, PageHeightMm * ptPerMm);
            canvas.Scale(ptPerMm);
            Draw(canvas, inv, withQr: true);
            doc.EndPage();
            doc.Close();
        }
        return ms.ToArray();
    });

    /// <summary>
    /// A PDF of several pages: each is drawn in millimetres on a page of <see cref="PageWidthMm"/> × <see cref="PageHeightMm"/>;
    /// with <paramref name="asImages"/> each page is drawn into a bitmap at 8 px/mm first and placed as a scan (no text layer).
    /// </summary>
    public static byte[] Pages(bool asImages, params Action<SKCanvas>[] pages) => asImages ? PagesCore(true, pages) : InPdf(() => PagesCore(false, pages));

    private static byte[] PagesCore(bool asImages, Action<SKCanvas>[] pages)
    {
        using var ms = new MemoryStream();
        using (var doc = SKDocument.CreatePdf(ms))
        {
            const float ptPerMm = 72f / 25.4f;
            foreach (var draw in pages)
            {
                using var canvas = doc.BeginPage(PageWidthMm * ptPerMm, PageHeightMm * ptPerMm);
                if (asImages)
                {
                    using var bmp = new SKBitmap((int)(PageWidthMm * 8), (int)(PageHeightMm * 8), SKColorType.Rgba8888, SKAlphaType.Premul);
                    using (var bc = new SKCanvas(bmp))
                    {
                        bc.Clear(SKColors.White);
                        bc.Scale(8);
                        draw(bc);
                    }
                    canvas.DrawBitmap(bmp, new SKRect(0, 0, PageWidthMm * ptPerMm, PageHeightMm * ptPerMm));
                }
                else
                {
                    canvas.Scale(ptPerMm);
                    draw(canvas);
                }
                doc.EndPage();
            }
            doc.Close();
        }
        return ms.ToArray();
    }

    /// <summary>The invoice's page, for <see cref="Pages"/>.</summary>
    public static Action<SKCanvas> InvoicePage(SampleInvoice inv) => c => Draw(c, inv, withQr: true);

    /// <summary>Text in the CJK font at (x, y) millimetres, for pages drawn by a test.</summary>
    public static void DrawText(SKCanvas c, string text, float x, float y, float size = 3.2f)
    {
        using var ink = new SKPaint { Color = SKColors.Black, IsAntialias = true };
        c.DrawText(text, x, y, SKTextAlign.Left, new SKFont(Face, size), ink);
    }

    public static byte[] Encode(SKBitmap bmp, SKEncodedImageFormat format, int quality)
    {
        using var data = bmp.Encode(format, quality);
        return data.ToArray();
    }

    private static void Draw(SKCanvas c, SampleInvoice inv, bool withQr)
    {
        using var ink = new SKPaint { Color = SKColors.Black, IsAntialias = true };
        using var frame = new SKPaint { Color = new SKColor(0x80, 0x40, 0x20), IsStroke = true, StrokeWidth = 0.3f, IsAntialias = true };
        void Text(string s, float x, float y, float size = 3.2f) =>
            c.DrawText(s, x, y, SKTextAlign.Left, new SKFont(Face, size), ink);

        if (withQr) DrawQr(c, inv.QrPayload, 8, 5, 22);
        var titleFont = new SKFont(Face, 6);
        c.DrawText(inv.Title, PageWidthMm / 2, 16, SKTextAlign.Center, titleFont, ink);

        if (inv.FullyDigital)
        {
            Text("发票号码：" + inv.Number, 140, 12);
            Text("开票日期：" + $"{inv.Date.Year}年{inv.Date.Month:00}月{inv.Date.Day:00}日", 140, 19);
        }
        else
        {
            Text("发票代码：" + inv.Code, 145, 9);
            Text("发票号码：" + inv.Number, 145, 15);
            Text("开票日期：" + $"{inv.Date.Year}年{inv.Date.Month:00}月{inv.Date.Day:00}日", 145, 21);
            if (inv.CheckCode is not null) Text("校验码：" + Grouped(inv.CheckCode), 145, 27);
        }

        c.DrawRect(5, 32, 200, 98, frame);
        if (inv.FullyDigital)
        {
            c.DrawLine(105, 32, 105, 54, frame);
            Text("购买方信息", 8, 37);
            Text("名称：" + inv.BuyerName, 10, 44);
            Text("统一社会信用代码/纳税人识别号：" + inv.BuyerTaxId, 10, 51, 2.8f);
            Text("销售方信息", 108, 37);
            Text("名称：" + inv.SellerName, 110, 44);
            Text("统一社会信用代码/纳税人识别号：" + inv.SellerTaxId, 110, 51, 2.8f);
        }
        else if (inv.WithPaperDetails)
        {
            PaperParty(c, "购买方", inv.BuyerName, inv.BuyerTaxId, "上海市浦东新区张江路88号 021-50801234", "招商银行上海张江支行 121908765410201", 33);
            Cipher(c, inv);
        }
        else
        {
            Text("购买方", 8, 43);
            Text("名    称：", 22, 39);
            Text(inv.BuyerName, 48, 39);
            Text("纳税人识别号：", 22, 47);
            Text(inv.BuyerTaxId, 48, 47);
        }
        c.DrawLine(5, 55, 205, 55, frame);

        string[] headers = [inv.WithPaperDetails ? "货物或应税劳务、服务名称" : "项目名称", "规格型号", "单位", "数量", "单价", "金额", "税率", "税额"];
        float[] xs = [12, 58, 80, 95, 112, 140, 163, 182];
        for (var i = 0; i < headers.Length; i++) Text(headers[i], xs[i], 61);
        var y = 68f;
        foreach (var item in inv.Items)
        {
            Text(item.Name, xs[0], y);
            Text(item.Unit, xs[2], y);
            Text(item.Quantity, xs[3], y);
            Text(item.Price, xs[4], y);
            Text(Money(item.Amount), xs[5], y);
            Text(item.Rate, xs[6], y);
            Text(Money(item.Tax), xs[7], y);
            y += 7;
        }
        Text("合    计", 16, 95);
        Text("¥" + Money(inv.Amount), xs[5], 95);
        Text("¥" + Money(inv.Tax), xs[7], 95);
        c.DrawLine(5, 98, 205, 98, frame);
        Text("价税合计（大写）", 10, 105);
        Text("⊗" + inv.TotalInCapitals, 50, 105);
        Text("（小写）¥" + Money(inv.Total), 150, 105);
        c.DrawLine(5, 109, 205, 109, frame);

        if (inv.WithPaperDetails)
        {
            PaperParty(c, "销售方", inv.SellerName, inv.SellerTaxId, "上海市黄浦区中山南路1029号 021-63318899", "中国工商银行上海外滩支行 1001204509300012876", 110);
            Text("备", 150, 118); Text("注", 150, 124);
            Text("收款人：李娜", 12, 136, 2.8f);
            Text("复核：张伟", 60, 136, 2.8f);
            Stamp(c, inv.SellerName, inv.SellerTaxId, 185, 124);
        }
        else if (!inv.FullyDigital)
        {
            Text("销售方", 8, 120);
            Text("名    称：", 22, 116);
            Text(inv.SellerName, 48, 116);
            Text("纳税人识别号：", 22, 124);
            Text(inv.SellerTaxId, 48, 124);
        }
        Text("开票人：王芳", 140, 136, 2.8f);
    }

    /// <summary>A party block of a paper invoice: the block's name in a narrow column, then four labelled rows.</summary>
    private static void PaperParty(SKCanvas c, string party, string name, string taxId, string addressPhone, string bankAccount, float top)
    {
        foreach (var (ch, i) in party.Select((ch, i) => (ch.ToString(), i))) DrawText(c, ch, 8, top + 6 + i * 5);
        string[] labels = ["名            称：", "纳税人识别号：", "地 址、电 话：", "开户行及账号："];
        string[] values = [name, taxId, addressPhone, bankAccount];
        for (var i = 0; i < 4; i++)
        {
            DrawText(c, labels[i], 16, top + 5 + i * 5.5f, 2.8f);
            DrawText(c, values[i], 42, top + 5 + i * 5.5f, 3f);
        }
    }

    /// <summary>The 密码区: four rows of cipher (digits and + - * / &lt; &gt;), derived from the invoice so a drawing repeats.</summary>
    private static void Cipher(SKCanvas c, SampleInvoice inv)
    {
        DrawText(c, "密", 128, 38); DrawText(c, "码", 128, 43); DrawText(c, "区", 128, 48);
        const string alphabet = "0123456789+-*/<>";
        var seed = inv.Number.Aggregate(17, (h, ch) => h * 31 + ch);
        var random = new Random(seed);
        for (var row = 0; row < 4; row++)
            DrawText(c, new string(Enumerable.Range(0, 27).Select(_ => alphabet[random.Next(alphabet.Length)]).ToArray()), 134, 37 + row * 5, 3f);
    }

    /// <summary>The seller's red oval stamp (发票专用章) over the corner: its name on top, its tax id across the middle.</summary>
    private static void Stamp(SKCanvas c, string seller, string taxId, float cx, float cy)
    {
        var red = new SKColor(0xD0, 0x20, 0x20, 0xD8);
        using var pen = new SKPaint { Color = red, IsStroke = true, StrokeWidth = 0.8f, IsAntialias = true };
        using var ink = new SKPaint { Color = red, IsAntialias = true };
        c.DrawOval(cx, cy, 20, 13, pen);
        using var small = new SKFont(Face, 2.6f);
        c.DrawText(seller, cx, cy - 6, SKTextAlign.Center, small, ink);
        c.DrawText(taxId, cx, cy + 1.2f, SKTextAlign.Center, new SKFont(Face, 2.6f), ink);
        c.DrawText("发票专用章", cx, cy + 7, SKTextAlign.Center, new SKFont(Face, 3f), ink);
    }

    private static string Money(decimal d) => d.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture);

    private static string Grouped(string s) => string.Join(' ', Enumerable.Range(0, (s.Length + 4) / 5).Select(i => s.Substring(i * 5, Math.Min(5, s.Length - i * 5))));

    /// <summary>The QR as an image (as issuers embed it in PDFs), one pixel per module, scaled without smoothing.</summary>
    private static void DrawQr(SKCanvas c, string payload, float x, float y, float size)
    {
        var matrix = new QRCodeWriter().encode(payload, BarcodeFormat.QR_CODE, 0, 0,
            new Dictionary<EncodeHintType, object> { [EncodeHintType.MARGIN] = 0, [EncodeHintType.CHARACTER_SET] = "UTF-8" });
        using var qr = new SKBitmap(matrix.Width + 2, matrix.Height + 2, SKColorType.Rgba8888, SKAlphaType.Premul);
        qr.Erase(SKColors.White);
        for (var my = 0; my < matrix.Height; my++)
        for (var mx = 0; mx < matrix.Width; mx++)
            if (matrix[mx, my]) qr.SetPixel(mx + 1, my + 1, SKColors.Black);
        using var image = SKImage.FromBitmap(qr);
        c.DrawImage(image, new SKRect(x, y, x + size, y + size), new SKSamplingOptions(SKFilterMode.Nearest, SKMipmapMode.None));
    }
}
