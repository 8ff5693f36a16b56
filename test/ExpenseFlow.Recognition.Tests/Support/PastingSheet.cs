using SkiaSharp;

namespace ExpenseFlow.Recognition.Tests.Support;

/// <summary>A drawn 粘贴单 and where each document lies on it: x, y, width, height in pixels (the rotated document's bounds).</summary>
public sealed record PastedSheet(SKBitmap Bitmap, IReadOnlyList<SampleTicket> Documents, IReadOnlyList<(float X, float Y, float Width, float Height)> Boxes)
    : IDisposable
{
    public void Dispose() => Bitmap.Dispose();
}

public static partial class TicketRenderer
{
    public const float SheetWidthMm = 210, SheetHeightMm = 297;

    /// <summary>A 粘贴单 at 8 px/mm with the documents glued where a seeded hand put them.</summary>
    public static PastedSheet PastingSheet(params SampleTicket[] docs) => PastingSheet(8, 15, docs);

    /// <summary>
    /// An off-white A4 sheet with 2–4 documents glued on it as people do: not in a grid, each turned by up to ±2°, 10–30 mm
    /// from its nearest neighbour, each with the faint shadow of its raised edge. The placement is a seeded search, so a
    /// seed always gives the same sheet.
    /// </summary>
    public static PastedSheet PastingSheet(float pxPerMm, int seed, params SampleTicket[] docs)
    {
        if (docs.Length is < 2 or > 4) throw new ArgumentOutOfRangeException(nameof(docs), "A sheet holds 2 to 4 documents");
        var places = Place(docs, new Random(seed));
        var bmp = new SKBitmap((int)(SheetWidthMm * pxPerMm), (int)(SheetHeightMm * pxPerMm), SKColorType.Rgba8888, SKAlphaType.Premul);
        using var canvas = new SKCanvas(bmp);
        canvas.Save();
        canvas.Scale(pxPerMm);
        var ink = new TicketInk(canvas);
        ink.Paper(SheetWidthMm, SheetHeightMm, new SKColor(0xF7, 0xF5, 0xEE), seed);
        ink.Text("粘贴单", SheetWidthMm / 2, 10, 5f, SKTextAlign.Center, new SKColor(0x80, 0x80, 0x80));
        canvas.Restore();
        var boxes = new List<(float, float, float, float)>();
        using var shadow = new SKPaint { Color = new SKColor(0, 0, 0, 0x30), MaskFilter = SKMaskFilter.CreateBlur(SKBlurStyle.Normal, pxPerMm * 0.4f) };
        using var smooth = new SKPaint { IsAntialias = true };
        for (var i = 0; i < docs.Length; i++)
        {
            var (cx, cy, angle) = places[i];
            using var doc = Bitmap(docs[i], pxPerMm * OnSheet(docs[i]));
            using var image = SKImage.FromBitmap(doc);
            canvas.Save();
            canvas.Translate(cx * pxPerMm, cy * pxPerMm);
            canvas.RotateDegrees(angle);
            canvas.DrawRect(-doc.Width / 2f + pxPerMm * 0.5f, -doc.Height / 2f + pxPerMm * 0.6f, doc.Width, doc.Height, shadow);
            canvas.DrawImage(image, -doc.Width / 2f, -doc.Height / 2f, new SKSamplingOptions(SKFilterMode.Linear), smooth);
            canvas.Restore();
            var (w, h) = Rotated(SheetSize(docs[i]), angle);
            boxes.Add(((cx - w / 2) * pxPerMm, (cy - h / 2) * pxPerMm, w * pxPerMm, h * pxPerMm));
        }
        return new PastedSheet(bmp, docs, boxes);
    }

    /// <summary>
    /// How much of its drawn size a document keeps on a sheet: the railway card is drawn 1.4 times its 86×54 mm for
    /// photos of one card; on a sheet it is glued at its real size, as everything else is.
    /// </summary>
    private static float OnSheet(SampleTicket t) => t.Layout == TicketLayout.TrainPaper ? 0.9f : 1f;

    private static (float W, float H) SheetSize(SampleTicket t) => Size(t) is var (w, h) ? (w * OnSheet(t), h * OnSheet(t)) : default;

    private const float Margin = 6, Top = 16, MinGap = 10, MaxGap = 30;

    /// <summary>
    /// Centres (mm) and angles, in the documents' order. The first goes near the top left, each next one 10–30 mm to the
    /// right of or below one already glued, shifted along that side by a random amount, as a hand fills a sheet; a whole
    /// arrangement that leaves a document off the page or too close to another is drawn again.
    /// </summary>
    private static (float X, float Y, float Angle)[] Place(SampleTicket[] docs, Random random)
    {
        float Between(float a, float b) => a + (float)random.NextDouble() * (b - a);
        for (var attempt = 0; attempt < 50000; attempt++)
        {
            var placed = new List<(float X, float Y, float W, float H, float Angle)>();
            foreach (var doc in docs)
            {
                var angle = Between(-2, 2);
                var (w, h) = Rotated(SheetSize(doc), angle);
                float x, y;
                if (placed.Count == 0) (x, y) = (Margin + Between(0, 12) + w / 2, Top + Between(0, 10) + h / 2);
                else
                {
                    var next = placed[random.Next(placed.Count)];
                    var (left, top) = (next.X - next.W / 2, next.Y - next.H / 2);
                    if (random.Next(2) == 0) (x, y) = (left + next.W + Between(MinGap, MaxGap) + w / 2, top + Between(-10, 25) + h / 2);
                    else (x, y) = (left + Between(-10, 25) + w / 2, top + next.H + Between(MinGap, MaxGap) + h / 2);
                }
                var onPage = x - w / 2 >= Margin && x + w / 2 <= SheetWidthMm - Margin && y - h / 2 >= Top && y + h / 2 <= SheetHeightMm - Margin;
                if (!onPage || placed.Any(p => Gap((x, y, w, h), (p.X, p.Y, p.W, p.H)) < MinGap)) break;
                placed.Add((x, y, w, h, angle));
            }
            if (placed.Count == docs.Length) return placed.Select(p => (p.X, p.Y, p.Angle)).ToArray();
        }
        throw new InvalidOperationException("These documents do not fit on one sheet with the gaps a person leaves");
    }

    /// <summary>The free space between two boxes given by centre and size: the larger of the horizontal and vertical gaps.</summary>
    internal static float Gap((float X, float Y, float W, float H) a, (float X, float Y, float W, float H) b) =>
        Math.Max(Math.Abs(a.X - b.X) - (a.W + b.W) / 2, Math.Abs(a.Y - b.Y) - (a.H + b.H) / 2);

    private static (float W, float H) Rotated((float W, float H) size, float degrees)
    {
        var r = Math.Abs(degrees) * MathF.PI / 180;
        return (size.W * MathF.Cos(r) + size.H * MathF.Sin(r), size.W * MathF.Sin(r) + size.H * MathF.Cos(r));
    }
}
