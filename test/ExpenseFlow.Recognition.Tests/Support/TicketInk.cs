using SkiaSharp;
using ZXing;
using ZXing.QrCode;

namespace ExpenseFlow.Recognition.Tests.Support;

/// <summary>
/// Pen and paper for <see cref="TicketRenderer"/>: text in Noto CJK (sans, bold, serif) in millimetres, lines, dashed
/// boxes, red stamps, QR codes and the paper itself (tint, specks, a faint watermark).
/// </summary>
internal sealed class TicketInk(SKCanvas canvas)
{
    private static SKTypeface Load(string file)
    {
        var path = "/usr/share/fonts/opentype/noto/" + file;
        if (!File.Exists(path)) throw new InvalidOperationException("No CJK font: install Debian's fonts-noto-cjk");
        // The Linux NoDependencies Skia build has no fontconfig: face 2 of Noto's collections is Simplified Chinese.
        return SKTypeface.FromFile(path, 2) ?? throw new InvalidOperationException("Cannot load " + path);
    }

    private static readonly Lazy<SKTypeface> SansFace = new(() => Load("NotoSansCJK-Regular.ttc"));
    private static readonly Lazy<SKTypeface> BoldFace = new(() => Load("NotoSansCJK-Bold.ttc"));
    private static readonly Lazy<SKTypeface> SerifFace = new(() => Load("NotoSerifCJK-Regular.ttc"));

    public static readonly SKColor Red = new(0xC8, 0x1E, 0x28);
    public static readonly SKColor StampRed = new(0xD0, 0x20, 0x20, 0xC8);

    public SKCanvas Canvas => canvas;

    /// <summary>The ink of the text that follows (thermal receipts print grey).</summary>
    public SKColor Color { get; set; } = SKColors.Black;

    public enum Face { Sans, Bold, Serif }

    private static SKTypeface Typeface(Face face) => face switch
    {
        Face.Bold => BoldFace.Value,
        Face.Serif => SerifFace.Value,
        _ => SansFace.Value,
    };

    /// <summary>Text with its baseline at y; spacing adds millimetres between characters, as cards print station names.</summary>
    public float Text(string s, float x, float y, float size, SKTextAlign align = SKTextAlign.Left, SKColor? color = null,
        Face face = Face.Sans, float spacing = 0)
    {
        using var paint = new SKPaint { Color = color ?? Color, IsAntialias = true };
        using var font = new SKFont(Typeface(face), size);
        if (spacing == 0)
        {
            canvas.DrawText(s, x, y, align, font, paint);
            return font.MeasureText(s);
        }
        var widths = s.Select(ch => font.MeasureText(ch.ToString())).ToArray();
        var total = widths.Sum() + spacing * (s.Length - 1);
        var left = align switch { SKTextAlign.Center => x - total / 2, SKTextAlign.Right => x - total, _ => x };
        for (var i = 0; i < s.Length; i++)
        {
            canvas.DrawText(s[i].ToString(), left, y, SKTextAlign.Left, font, paint);
            left += widths[i] + spacing;
        }
        return total;
    }

    /// <summary>
    /// A card's printed line: digits and Latin at <paramref name="big"/>, the Chinese characters between them (年 月 日 开 车 号 元)
    /// at <paramref name="small"/>, as railway tickets print them. Returns the width drawn.
    /// </summary>
    public float Mixed(string s, float x, float y, float big, float small, SKColor? color = null)
    {
        var left = x;
        foreach (var run in Runs(s))
            left += Text(run.Text, left, y, run.Cjk ? small : big, color: color) + (run.Cjk ? 0.3f : 0.15f);
        return left - x;
    }

    private static IEnumerable<(string Text, bool Cjk)> Runs(string s)
    {
        var start = 0;
        for (var i = 1; i <= s.Length; i++)
            if (i == s.Length || IsCjk(s[i]) != IsCjk(s[start]))
            {
                yield return (s[start..i], IsCjk(s[start]));
                start = i;
            }
    }

    private static bool IsCjk(char c) => c >= 0x3000;

    public float Measure(string s, float size, Face face = Face.Sans)
    {
        using var font = new SKFont(Typeface(face), size);
        return font.MeasureText(s);
    }

    public void Line(float x1, float y1, float x2, float y2, float width = 0.25f, SKColor? color = null, bool dashed = false)
    {
        using var pen = Pen(width, color, dashed);
        canvas.DrawLine(x1, y1, x2, y2, pen);
    }

    public void Box(float x, float y, float w, float h, float width = 0.25f, SKColor? color = null, bool dashed = false)
    {
        using var pen = Pen(width, color, dashed);
        canvas.DrawRect(x, y, w, h, pen);
    }

    public void Fill(float x, float y, float w, float h, SKColor color)
    {
        using var paint = new SKPaint { Color = color, IsAntialias = true };
        canvas.DrawRect(x, y, w, h, paint);
    }

    private SKPaint Pen(float width, SKColor? color, bool dashed) => new()
    {
        Color = color ?? Color, IsStroke = true, StrokeWidth = width, IsAntialias = true,
        PathEffect = dashed ? SKPathEffect.CreateDash([1.2f, 0.8f], 0) : null,
    };

    /// <summary>An arrow under a train number, from x1 to x2.</summary>
    public void Arrow(float x1, float x2, float y, SKColor? color = null)
    {
        Line(x1, y, x2, y, 0.35f, color);
        Line(x2, y, x2 - 2.5f, y - 1, 0.35f, color);
    }

    /// <summary>A red oval stamp (发票专用章): the name on top, the tax id across the middle, the stamp's purpose below.</summary>
    public void Stamp(string name, string? taxId, string purpose, float cx, float cy, float rx = 19, float ry = 12)
    {
        using var pen = new SKPaint { Color = StampRed, IsStroke = true, StrokeWidth = 0.7f, IsAntialias = true };
        canvas.DrawOval(cx, cy, rx, ry, pen);
        var nameSize = Math.Min(3f, rx * 1.6f / Math.Max(1, name.Length));
        Text(name, cx, cy - ry * 0.45f, nameSize, SKTextAlign.Center, StampRed);
        if (taxId is not null) Text(taxId, cx, cy + 1, 2.4f, SKTextAlign.Center, StampRed);
        Text(purpose, cx, cy + ry * 0.65f, 2.8f, SKTextAlign.Center, StampRed);
    }

    /// <summary>A QR code, one module per pixel, scaled without smoothing, at (x, y) millimetres.</summary>
    public void Qr(string payload, float x, float y, float size)
    {
        var matrix = new QRCodeWriter().encode(payload, BarcodeFormat.QR_CODE, 0, 0,
            new Dictionary<EncodeHintType, object> { [EncodeHintType.MARGIN] = 0, [EncodeHintType.CHARACTER_SET] = "UTF-8" });
        using var qr = new SKBitmap(matrix.Width + 2, matrix.Height + 2, SKColorType.Rgba8888, SKAlphaType.Premul);
        qr.Erase(SKColors.White);
        for (var my = 0; my < matrix.Height; my++)
        for (var mx = 0; mx < matrix.Width; mx++)
            if (matrix[mx, my]) qr.SetPixel(mx + 1, my + 1, SKColors.Black);
        using var image = SKImage.FromBitmap(qr);
        canvas.DrawImage(image, new SKRect(x, y, x + size, y + size), new SKSamplingOptions(SKFilterMode.Nearest, SKMipmapMode.None));
    }

    /// <summary>
    /// The paper: a tint, faint specks and fibres (seeded by the document, so a drawing repeats), and optionally a faint
    /// wave across the middle like the watermark of a railway card.
    /// </summary>
    public void Paper(float w, float h, SKColor tint, int seed, bool wave = false)
    {
        canvas.Clear(tint);
        var random = new Random(seed);
        using var speck = new SKPaint { IsAntialias = true };
        for (var i = 0; i < (int)(w * h / 40); i++)
        {
            var shade = (byte)random.Next(60, 140);
            speck.Color = new SKColor(shade, shade, shade, (byte)random.Next(8, 22));
            canvas.DrawCircle((float)random.NextDouble() * w, (float)random.NextDouble() * h, (float)random.NextDouble() * 0.25f + 0.05f, speck);
        }
        if (!wave) return;
        using var path = new SKPath();
        path.MoveTo(0, h * 0.62f);
        path.CubicTo(w * 0.3f, h * 0.35f, w * 0.6f, h * 0.75f, w, h * 0.45f);
        path.LineTo(w, h * 0.58f);
        path.CubicTo(w * 0.6f, h * 0.88f, w * 0.3f, h * 0.5f, 0, h * 0.75f);
        path.Close();
        using var fill = new SKPaint { Color = new SKColor(0x60, 0x90, 0xB0, 0x18), IsAntialias = true };
        canvas.DrawPath(path, fill);
    }

    /// <summary>A stable seed from a document's name, so its specks and cipher repeat from run to run.</summary>
    public static int Seed(string name) => name.Aggregate(17, (h, ch) => unchecked(h * 31 + ch));
}
