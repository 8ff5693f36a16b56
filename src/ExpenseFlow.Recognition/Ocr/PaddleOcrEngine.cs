using Microsoft.ML.OnnxRuntime;
using SkiaSharp;

namespace ExpenseFlow.Recognition.Ocr;

/// <summary>
/// PaddleOCR PP-OCRv4 (detection, direction classifier, recognition) on ONNX Runtime with PaddleOCR's published
/// pre/post-processing defaults. Sessions are created once and InferenceSession.Run is thread-safe.
/// </summary>
public sealed class PaddleOcrEngine : IOcrEngine, IDisposable
{
    public const int DetLimitSideLen = 960;
    private static readonly float[] DetMean = [0.485f, 0.456f, 0.406f];
    private static readonly float[] DetStd = [0.229f, 0.224f, 0.225f];
    private const int ClsHeight = 48, ClsWidth = 192, RecHeight = 48, RecBatch = 6;
    private const float ClsThresh = 0.9f;

    internal static readonly bool Trace = Environment.GetEnvironmentVariable("EXPENSEFLOW_OCR_TRACE") == "1";
    private readonly InferenceSession _det, _cls, _rec;
    private readonly string[] _chars;

    public PaddleOcrEngine(PaddleOcrModels models, int intraOpThreads = 1)
    {
        using var so = new SessionOptions
        {
            IntraOpNumThreads = Math.Max(0, intraOpThreads),
            InterOpNumThreads = 1,
            ExecutionMode = ExecutionMode.ORT_SEQUENTIAL,
            GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL,
            LogSeverityLevel = OrtLoggingLevel.ORT_LOGGING_LEVEL_ERROR,
        };
        // Diagnostics: ONNX Runtime's per-operator profile (JSON files in the working directory, written at Dispose).
        if (Environment.GetEnvironmentVariable("EXPENSEFLOW_ORT_PROFILE") == "1") so.EnableProfiling = true;
        _det = new InferenceSession(models.Detection, so);
        _cls = new InferenceSession(models.Classifier, so);
        _rec = new InferenceSession(models.Recognition, so);
        // CTC classes: blank at 0, the dictionary, then the space PaddleOCR appends (use_space_char).
        var dict = File.ReadAllLines(models.Dictionary).Select(l => l.TrimEnd('\r', '\n')).ToList();
        _chars = ["", .. dict, " "];
    }

    public IReadOnlyList<TextLine> Recognize(SKBitmap image) => Recognize(image, allowTurn: true);

    private IReadOnlyList<TextLine> Recognize(SKBitmap image, bool allowTurn)
    {
        var sw = System.Diagnostics.Stopwatch.StartNew();
        var boxes = Detect(image);
        var tDet = sw.ElapsedMilliseconds;
        using var source = SKImage.FromBitmap(image);
        var crops = boxes.Select(b => Crop(source, b.Box)).ToList();
        var tCrop = sw.ElapsedMilliseconds;
        try
        {
            var flipped = Classify(crops);
            var tCls = sw.ElapsedMilliseconds;
            var texts = RecognizeCrops(crops);
            if (Trace) Console.Error.WriteLine($"ocr {image.Width}x{image.Height}: det {tDet} ms ({boxes.Count} boxes), crop {tCrop - tDet} ms, cls {tCls - tCrop} ms, rec {sw.ElapsedMilliseconds - tCls} ms");
            var pageTurn = PageTurn(boxes, flipped, texts);
            if (pageTurn != 0 && allowTurn)
            {
                // A turned page (photo taken sideways or upside down): read it again upright, so short cells the
                // classifier cannot orient alone ("6%") and the layout's left/right and top/bottom are right.
                using var upright = Imaging.ImageLoader.Rotate(image, 360 - pageTurn);
                return Recognize(upright, allowTurn: false);
            }
            var skew = Skew(boxes);
            var lines = new List<TextLine>();
            for (var i = 0; i < boxes.Count; i++)
            {
                var (text, conf) = texts[i];
                if (string.IsNullOrWhiteSpace(text) || conf < 0.5) continue;
                lines.Add(Deskewed(boxes[i].Box, skew, image.Width, image.Height, text.Trim(), conf));
            }
            // Reading order: top to bottom, then left to right within a row.
            return lines.OrderBy(l => l.CenterY).ThenBy(l => l.X).ToList();
        }
        finally
        {
            foreach (var c in crops) c.Dispose();
        }
    }

    /// <summary>
    /// How the page is turned (0, 90 clockwise, 180, 270), by majority of the text lines: vertical crops were turned
    /// upright by 90° counter-clockwise, and the classifier says which of them were then upside down.
    /// </summary>
    private static int PageTurn(List<(RotatedBox Box, float Score)> boxes, bool[] flipped, List<(string Text, double Confidence)> texts)
    {
        var votes = new int[4];
        for (var i = 0; i < boxes.Count; i++)
        {
            if (texts[i].Text.Trim().Length < 3) continue;
            var vertical = boxes[i].Box.Height >= 1.5 * boxes[i].Box.Width;
            votes[(vertical ? 1 : 0) + (flipped[i] ? 2 : 0)]++;
        }
        var best = Array.IndexOf(votes, votes.Max());
        return votes[best] <= votes[0] ? 0 : best * 90;
    }

    /// <summary>The page's skew: the median angle of the long text boxes, when they agree on one.</summary>
    private static float Skew(List<(RotatedBox Box, float Score)> boxes)
    {
        var angles = boxes.Where(b => b.Box.Width > 4 * b.Box.Height).Select(b => b.Box.Angle).Order().ToList();
        if (angles.Count < 3) return 0;
        var median = angles[angles.Count / 2];
        return Math.Abs(median) is > 0.3f and < 20f ? median : 0;
    }

    /// <summary>
    /// The line's box in the page straightened by the skew: a tilted photo keeps a label and its value on one row.
    /// </summary>
    private static TextLine Deskewed(RotatedBox box, float skew, int width, int height, string text, double conf)
    {
        if (skew == 0)
        {
            var corners = box.Corners();
            float minX = corners.Min(c => c.X), minY = corners.Min(c => c.Y);
            return new TextLine(text, conf, minX, minY, corners.Max(c => c.X) - minX, corners.Max(c => c.Y) - minY);
        }
        var rad = -skew * MathF.PI / 180f;
        float cx = width / 2f, cy = height / 2f, dx = box.CenterX - cx, dy = box.CenterY - cy;
        var x = cx + dx * MathF.Cos(rad) - dy * MathF.Sin(rad);
        var y = cy + dx * MathF.Sin(rad) + dy * MathF.Cos(rad);
        return new TextLine(text, conf, x - box.Width / 2, y - box.Height / 2, box.Width, box.Height);
    }

    internal List<(RotatedBox Box, float Score)> Detect(SKBitmap image)
    {
        var ratio = Math.Max(image.Width, image.Height) > DetLimitSideLen ? (float)DetLimitSideLen / Math.Max(image.Width, image.Height) : 1f;
        var w = Math.Max(32, (int)Math.Round(image.Width * ratio / 32) * 32);
        var h = Math.Max(32, (int)Math.Round(image.Height * ratio / 32) * 32);
        using var resized = Resize(image, w, h);
        var input = ToTensor(resized, w, h, DetMean, DetStd);
        using var value = OrtValue.CreateTensorValueFromMemory(input, [1, 3, h, w]);
        using var runOptions = new RunOptions();
        using var outputs = _det.Run(runOptions, [_det.InputNames[0]], [value], [_det.OutputNames[0]]);
        var prob = outputs[0].GetTensorDataAsSpan<float>();
        var boxes = DbPostProcessor.Boxes(prob, w, h);
        float sx = (float)image.Width / w, sy = (float)image.Height / h;
        return boxes.Select(b => (ScaleBox(b.Box, sx, sy), b.Score)).ToList();
    }

    private static RotatedBox ScaleBox(RotatedBox b, float sx, float sy)
    {
        // Non-uniform scaling of a slightly rotated box: scale the centre and the sides along their own axes.
        var rad = b.Angle * MathF.PI / 180f;
        float cos = MathF.Abs(MathF.Cos(rad)), sin = MathF.Abs(MathF.Sin(rad));
        return new RotatedBox(b.CenterX * sx, b.CenterY * sy, b.Width * (cos * sx + sin * sy), b.Height * (cos * sy + sin * sx), b.Angle);
    }

    /// <summary>The box's pixels, upright; boxes much taller than wide are turned 90° (PaddleOCR's rule at ratio 1.5).</summary>
    internal static SKBitmap Crop(SKImage image, RotatedBox box)
    {
        int w = Math.Max(1, (int)Math.Round(box.Width)), h = Math.Max(1, (int)Math.Round(box.Height));
        var vertical = h >= 1.5 * w;
        var dst = new SKBitmap(new SKImageInfo(vertical ? h : w, vertical ? w : h, SKColorType.Rgba8888, SKAlphaType.Premul));
        using var canvas = new SKCanvas(dst);
        canvas.Clear(SKColors.White);
        canvas.Translate(dst.Width / 2f, dst.Height / 2f);
        if (vertical) canvas.RotateDegrees(-90);
        canvas.RotateDegrees(-box.Angle);
        canvas.Translate(-box.CenterX, -box.CenterY);
        canvas.DrawImage(image, 0, 0, new SKSamplingOptions(SKFilterMode.Linear, SKMipmapMode.None));
        return dst;
    }

    private bool[] Classify(List<SKBitmap> crops)
    {
        var flipped = new bool[crops.Count];
        for (var start = 0; start < crops.Count; start += RecBatch)
        {
            var n = Math.Min(RecBatch, crops.Count - start);
            var data = new float[n * 3 * ClsHeight * ClsWidth];
            for (var i = 0; i < n; i++) FillLine(crops[start + i], data, i, ClsHeight, ClsWidth);
            using var value = OrtValue.CreateTensorValueFromMemory(data, [n, 3, ClsHeight, ClsWidth]);
            using var runOptions = new RunOptions();
            using var outputs = _cls.Run(runOptions, [_cls.InputNames[0]], [value], [_cls.OutputNames[0]]);
            var probs = outputs[0].GetTensorDataAsSpan<float>();
            for (var i = 0; i < n; i++)
            {
                if (probs[i * 2 + 1] <= probs[i * 2] || probs[i * 2 + 1] < ClsThresh) continue;
                flipped[start + i] = true;
                var rotated = Rotate180(crops[start + i]);
                crops[start + i].Dispose();
                crops[start + i] = rotated;
            }
        }
        return flipped;
    }

    private List<(string Text, double Confidence)> RecognizeCrops(List<SKBitmap> crops)
    {
        var results = new (string, double)[crops.Count];
        // Batches of similar aspect ratio waste the least padding.
        var order = Enumerable.Range(0, crops.Count).OrderBy(i => (double)crops[i].Width / crops[i].Height).ToArray();
        for (var start = 0; start < order.Length; start += RecBatch)
        {
            var batch = order.Skip(start).Take(RecBatch).ToArray();
            var maxRatio = Math.Max(1.0, batch.Max(i => (double)crops[i].Width / crops[i].Height));
            var width = Math.Min(3200, (int)Math.Ceiling(RecHeight * maxRatio));
            var data = new float[batch.Length * 3 * RecHeight * width];
            for (var k = 0; k < batch.Length; k++) FillLine(crops[batch[k]], data, k, RecHeight, width);
            using var value = OrtValue.CreateTensorValueFromMemory(data, [batch.Length, 3, RecHeight, width]);
            using var runOptions = new RunOptions();
            using var outputs = _rec.Run(runOptions, [_rec.InputNames[0]], [value], [_rec.OutputNames[0]]);
            var shape = outputs[0].GetTensorTypeAndShape().Shape;
            int steps = (int)shape[1], classes = (int)shape[2];
            var probs = outputs[0].GetTensorDataAsSpan<float>();
            for (var k = 0; k < batch.Length; k++)
                results[batch[k]] = CtcDecoder.Greedy(probs.Slice(k * steps * classes, steps * classes), steps, classes, _chars);
        }
        return [.. results];
    }

    /// <summary>Resize to the target height keeping the ratio (width capped), normalise to [-1, 1], pad right with zeros.</summary>
    private static void FillLine(SKBitmap crop, float[] data, int index, int height, int width)
    {
        var w = Math.Clamp((int)Math.Ceiling(height * (double)crop.Width / crop.Height), 1, width);
        using var resized = Resize(crop, w, height);
        var px = resized.GetPixelSpan();
        var plane = height * width;
        var offset = index * 3 * plane;
        for (var y = 0; y < height; y++)
        for (var x = 0; x < w; x++)
        {
            var p = (y * w + x) * 4;
            // BGR channel order, as PaddleOCR's cv2-based pipeline feeds the models.
            data[offset + y * width + x] = px[p + 2] / 127.5f - 1f;
            data[offset + plane + y * width + x] = px[p + 1] / 127.5f - 1f;
            data[offset + 2 * plane + y * width + x] = px[p] / 127.5f - 1f;
        }
    }

    private static float[] ToTensor(SKBitmap bmp, int w, int h, float[] mean, float[] std)
    {
        var px = bmp.GetPixelSpan();
        var data = new float[3 * w * h];
        var plane = w * h;
        for (var i = 0; i < plane; i++)
        {
            var p = i * 4;
            data[i] = (px[p + 2] / 255f - mean[0]) / std[0];
            data[plane + i] = (px[p + 1] / 255f - mean[1]) / std[1];
            data[2 * plane + i] = (px[p] / 255f - mean[2]) / std[2];
        }
        return data;
    }

    internal static SKBitmap Resize(SKBitmap src, int w, int h)
    {
        var info = new SKImageInfo(w, h, SKColorType.Rgba8888, SKAlphaType.Premul);
        if (src.Width == w && src.Height == h && src.ColorType == SKColorType.Rgba8888) return src.Copy();
        return src.Resize(info, new SKSamplingOptions(SKFilterMode.Linear, SKMipmapMode.Linear))
               ?? throw new InvalidOperationException("resize failed");
    }

    private static SKBitmap Rotate180(SKBitmap src)
    {
        var dst = new SKBitmap(src.Info);
        using var canvas = new SKCanvas(dst);
        canvas.RotateDegrees(180, src.Width / 2f, src.Height / 2f);
        canvas.DrawBitmap(src, 0, 0);
        return dst;
    }

    public void Dispose()
    {
        if (Environment.GetEnvironmentVariable("EXPENSEFLOW_ORT_PROFILE") == "1") { _det.EndProfiling(); _cls.EndProfiling(); _rec.EndProfiling(); }
        _det.Dispose();
        _cls.Dispose();
        _rec.Dispose();
    }
}
