using Microsoft.ML.OnnxRuntime;
using SkiaSharp;

namespace ExpenseFlow.Recognition.Ocr;

/// <summary>
/// PaddleOCR PP-OCRv4 (detection, direction classifier, recognition) on ONNX Runtime with PaddleOCR's published
/// pre/post-processing defaults. Sessions are created once and InferenceSession.Run is thread-safe.
/// </summary>
public sealed partial class PaddleOcrEngine : IOcrEngine, IDisposable
{
    public const int DetLimitSideLen = 960;
    private static readonly float[] DetMean = [0.485f, 0.456f, 0.406f];
    private static readonly float[] DetStd = [0.229f, 0.224f, 0.225f];
    // PaddleOCR batches 6 lines; 3 measured slightly cheaper here (less right padding) and gives parallel workers more to share.
    private const int ClsHeight = 48, ClsWidth = 192, ClsBatch = 6, RecHeight = 48, RecBatch = 3;
    private const float ClsThresh = 0.9f;

    internal static readonly bool Trace = Environment.GetEnvironmentVariable("EXPENSEFLOW_OCR_TRACE") == "1";
    private readonly InferenceSession _det, _cls, _rec;
    private readonly string[] _chars;
    private readonly int _threads;
    /// <summary>Recognition batches running at once, over all documents: one per core, so parallel documents share them.</summary>
    private readonly SemaphoreSlim _slots = new(Environment.ProcessorCount);

    /// <param name="models">The ONNX files.</param>
    /// <param name="threads">
    /// Threads one document may use (0 = one per core): the detection model's intra-op threads, and that many
    /// text-line batches recognised at once. Classifier and recogniser sessions run single-threaded per batch, which
    /// scales better than intra-op threads on small batches and cannot oversubscribe the cores when documents run in parallel.
    /// </param>
    public PaddleOcrEngine(PaddleOcrModels models, int threads = 0)
    {
        _threads = threads <= 0 ? Environment.ProcessorCount : threads;
        _det = CreateSession(models.Detection, _threads);
        _cls = CreateSession(models.Classifier, 1);
        _rec = CreateSession(models.Recognition, 1);
        // CTC classes: blank at 0, the dictionary, then the space PaddleOCR appends (use_space_char).
        var dict = File.ReadAllLines(models.Dictionary).Select(l => l.TrimEnd('\r', '\n')).ToList();
        _chars = ["", .. dict, " "];
        WarmUp();
    }

    /// <summary>One small run through each model, so the first page does not pay for ONNX Runtime's first-run setup.</summary>
    private void WarmUp()
    {
        foreach (var (session, shape) in new[] { (_det, new long[] { 1, 3, 64, 64 }), (_cls, [1, 3, ClsHeight, ClsWidth]), (_rec, [1, 3, RecHeight, 160]) })
        {
            var data = new float[shape.Aggregate(1L, (p, d) => p * d)];
            using var value = OrtValue.CreateTensorValueFromMemory(data, shape);
            using var runOptions = new RunOptions();
            using var outputs = session.Run(runOptions, [session.InputNames[0]], [value], [session.OutputNames[0]]);
        }
    }

    /// <summary>The model with its element-wise chains folded (see <see cref="OnnxFolding"/>); the file as is if that fails.</summary>
    private static InferenceSession CreateSession(string path, int intraOpThreads)
    {
        using var so = new SessionOptions
        {
            IntraOpNumThreads = intraOpThreads,
            InterOpNumThreads = 1,
            ExecutionMode = ExecutionMode.ORT_SEQUENTIAL,
            GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL,
            LogSeverityLevel = OrtLoggingLevel.ORT_LOGGING_LEVEL_ERROR,
        };
        // Diagnostics: ONNX Runtime's per-operator profile (JSON files in the working directory, written at Dispose).
        if (Environment.GetEnvironmentVariable("EXPENSEFLOW_ORT_PROFILE") == "1") so.EnableProfiling = true;
        // Idle intra-op threads sleep instead of spinning: on a shared machine (and with documents in parallel) spinning
        // burns the cores the other threads need (measured: ~15% less CPU per receipt, detection faster under load).
        so.AddSessionConfigEntry("session.intra_op.allow_spinning", "0");
        if (Environment.GetEnvironmentVariable("EXPENSEFLOW_ORT_ARENA") == "0")
        {
            so.EnableCpuMemArena = false;
            so.EnableMemoryPattern = false;
        }
        var bytes = File.ReadAllBytes(path);
        if (Environment.GetEnvironmentVariable("EXPENSEFLOW_OCR_FOLD") == "0") return new InferenceSession(bytes, so);
        try
        {
            var (folded, rewrites) = OnnxFolding.Fold(bytes);
            if (Trace) Console.Error.WriteLine($"{Path.GetFileName(path)}: {rewrites} element-wise chains folded");
            return new InferenceSession(folded, so);
        }
        catch (Exception ex) when (ex is InvalidDataException or OnnxRuntimeException or IndexOutOfRangeException or ArgumentException)
        {
            if (Trace) Console.Error.WriteLine($"{Path.GetFileName(path)}: not folded ({ex.Message})");
            return new InferenceSession(bytes, so);
        }
    }

    public IReadOnlyList<TextLine> Recognize(SKBitmap image, ReadingCheck? check = null, CancellationToken cancellationToken = default) =>
        Recognize(image, check, allowTurn: true, cancellationToken);

    private IReadOnlyList<TextLine> Recognize(SKBitmap image, ReadingCheck? check, bool allowTurn, CancellationToken ct)
    {
        var sw = System.Diagnostics.Stopwatch.StartNew();
        var boxes = Detect(image, ct);
        var tDet = sw.ElapsedMilliseconds;
        // The page's pixels wrapped, not copied (SKImage.FromBitmap copies a mutable bitmap: ~55 ms for a 5 MP receipt);
        // the bitmap outlives the image and nothing writes to it meanwhile.
        using var pixmap = image.PeekPixels();
        using var source = SKImage.FromPixels(pixmap);
        var crops = new List<SKBitmap>(boxes.Count);
        var tCrop = sw.ElapsedMilliseconds;
        try
        {
            foreach (var b in boxes)
            {
                ct.ThrowIfCancellationRequested();
                crops.Add(Crop(source, b.Box));
            }
            // Orientation from a sample of the longest lines first: on an upright page with no flipped line among them
            // the classifier is not run on the rest (it could only turn a line the wrong way).
            var flipped = new bool[crops.Count];
            var sample = OrientationSample(crops);
            Classify(crops, sample, flipped, ct);
            var pageTurn = PageTurn(boxes, crops, sample, flipped);
            if (pageTurn != 0 && allowTurn)
            {
                // A turned page (photo taken sideways or upside down): read it upright, so short cells the classifier
                // cannot orient alone ("6%") and the layout's left/right and top/bottom are right. Nothing was recognised yet.
                if (Trace) Console.Error.WriteLine($"ocr {image.Width}x{image.Height}: det {tDet} ms ({boxes.Count} boxes), cls {sw.ElapsedMilliseconds - tCrop} ms ({sample.Length} lines): turned {pageTurn}°");
                using var upright = Imaging.ImageLoader.Rotate(image, 360 - pageTurn);
                return Recognize(upright, check, allowTurn: false, ct);
            }
            var classified = sample.Length;
            if (sample.Length < crops.Count && sample.Any(i => flipped[i]))
            {
                var rest = Enumerable.Range(0, crops.Count).Except(sample).ToArray();
                Classify(crops, rest, flipped, ct);
                classified += rest.Length;
            }
            var tCls = sw.ElapsedMilliseconds;
            var texts = RecognizeCrops(crops, ct);
            var tRec = sw.ElapsedMilliseconds;
            var reread = check is null ? 0 : SecondLook(crops, texts, check, ct);
            if (Trace)
                Console.Error.WriteLine($"ocr {image.Width}x{image.Height}: det {tDet} ms ({boxes.Count} boxes), crop {tCrop - tDet} ms, cls {tCls - tCrop} ms ({classified} lines), rec {tRec - tCls} ms"
                                        + (reread > 0 ? $", second look {sw.ElapsedMilliseconds - tRec} ms ({reread} lines)" : ""));
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

    internal List<(RotatedBox Box, float Score)> Detect(SKBitmap image, CancellationToken ct = default)
    {
        ct.ThrowIfCancellationRequested();
        var ratio = Math.Max(image.Width, image.Height) > DetLimitSideLen ? (float)DetLimitSideLen / Math.Max(image.Width, image.Height) : 1f;
        var w = Math.Max(32, (int)Math.Round(image.Width * ratio / 32) * 32);
        var h = Math.Max(32, (int)Math.Round(image.Height * ratio / 32) * 32);
        using var resized = Resize(image, w, h);
        var input = ToTensor(resized, w, h, DetMean, DetStd);
        using var value = OrtValue.CreateTensorValueFromMemory(input, [1, 3, h, w]);
        using var outputs = Run(_det, value, ct);
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

    private (string Text, double Confidence)[] RecognizeCrops(List<SKBitmap> crops, CancellationToken ct, int batchSize = RecBatch)
    {
        var results = new (string, double)[crops.Count];
        // Batches of similar aspect ratio waste the least padding; the widest first, so parallel workers end together.
        var order = Enumerable.Range(0, crops.Count).OrderBy(i => (double)crops[i].Width / crops[i].Height).ToArray();
        var batches = order.Chunk(batchSize).Reverse().ToArray();
        ForEachBatch(batches, batch =>
        {
            var maxRatio = Math.Max(1.0, batch.Max(i => (double)crops[i].Width / crops[i].Height));
            var width = Math.Min(3200, (int)Math.Ceiling(RecHeight * maxRatio));
            var data = new float[batch.Length * 3 * RecHeight * width];
            for (var k = 0; k < batch.Length; k++) FillLine(crops[batch[k]], data, k, RecHeight, width);
            using var value = OrtValue.CreateTensorValueFromMemory(data, [batch.Length, 3, RecHeight, width]);
            _slots.Wait(ct);
            try
            {
                using var outputs = Run(_rec, value, ct);
                var shape = outputs[0].GetTensorTypeAndShape().Shape;
                int steps = (int)shape[1], classes = (int)shape[2];
                var probs = outputs[0].GetTensorDataAsSpan<float>();
                for (var k = 0; k < batch.Length; k++)
                    results[batch[k]] = CtcDecoder.Greedy(probs.Slice(k * steps * classes, steps * classes), steps, classes, _chars);
            }
            finally
            {
                _slots.Release();
            }
        }, ct);
        return results;
    }

    /// <summary>
    /// Batches on up to <c>_threads</c> workers; a cancelled token stops the loop (no new batch starts) and the batches
    /// running are terminated inside ONNX Runtime, so the call ends promptly with <see cref="OperationCanceledException"/>.
    /// </summary>
    private void ForEachBatch(int[][] batches, Action<int[]> body, CancellationToken ct)
    {
        try
        {
            Parallel.ForEach(batches, new ParallelOptions { MaxDegreeOfParallelism = _threads, CancellationToken = ct }, body);
        }
        catch (AggregateException) when (ct.IsCancellationRequested)
        {
            throw new OperationCanceledException(ct);
        }
    }

    /// <summary>One inference; cancelling the token sets RunOptions.Terminate, which ends the run between operators.</summary>
    private static IDisposableReadOnlyCollection<OrtValue> Run(InferenceSession session, OrtValue input, CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        using var runOptions = new RunOptions();
        using var terminate = ct.Register(() => runOptions.Terminate = true);
        try
        {
            return session.Run(runOptions, [session.InputNames[0]], [input], [session.OutputNames[0]]);
        }
        catch (OnnxRuntimeException) when (ct.IsCancellationRequested)
        {
            throw new OperationCanceledException(ct);
        }
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
        _slots.Dispose();
        if (Environment.GetEnvironmentVariable("EXPENSEFLOW_ORT_PROFILE") == "1") { _det.EndProfiling(); _cls.EndProfiling(); _rec.EndProfiling(); }
        _det.Dispose();
        _cls.Dispose();
        _rec.Dispose();
    }
}
