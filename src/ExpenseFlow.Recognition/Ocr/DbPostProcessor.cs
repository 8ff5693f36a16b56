namespace ExpenseFlow.Recognition.Ocr;

/// <summary>A rotated rectangle: centre, size (Width along the angle) and angle in degrees.</summary>
internal readonly record struct RotatedBox(float CenterX, float CenterY, float Width, float Height, float Angle)
{
    public (float X, float Y)[] Corners()
    {
        var rad = Angle * MathF.PI / 180f;
        float c = MathF.Cos(rad), s = MathF.Sin(rad);
        float hw = Width / 2, hh = Height / 2, cx = CenterX, cy = CenterY;
        (float, float) P(float dx, float dy) => (cx + dx * c - dy * s, cy + dx * s + dy * c);
        return [P(-hw, -hh), P(hw, -hh), P(hw, hh), P(-hw, hh)];
    }
}

/// <summary>
/// PaddleOCR's DB post-processing: threshold the probability map (0.3), take connected regions, keep those whose mean
/// probability reaches box_thresh (0.6), fit the minimum-area rectangle and grow it by the unclip ratio (1.5).
/// </summary>
internal static class DbPostProcessor
{
    public static List<(RotatedBox Box, float Score)> Boxes(ReadOnlySpan<float> prob, int width, int height,
        float thresh = 0.3f, float boxThresh = 0.6f, float unclipRatio = 1.5f, int maxCandidates = 1000)
    {
        var labels = new int[width * height];
        var result = new List<(RotatedBox, float)>();
        var stack = new Stack<int>();
        var pts = new List<(int X, int Y)>();
        var next = 0;
        for (var start = 0; start < labels.Length && result.Count < maxCandidates; start++)
        {
            if (labels[start] != 0 || prob[start] <= thresh) continue;
            next++;
            pts.Clear();
            double sum = 0;
            stack.Push(start);
            labels[start] = next;
            while (stack.Count > 0)
            {
                var i = stack.Pop();
                int x = i % width, y = i / width;
                pts.Add((x, y));
                sum += prob[i];
                for (var dy = -1; dy <= 1; dy++)
                for (var dx = -1; dx <= 1; dx++)
                {
                    int nx = x + dx, ny = y + dy;
                    if ((dx == 0 && dy == 0) || nx < 0 || ny < 0 || nx >= width || ny >= height) continue;
                    var j = ny * width + nx;
                    if (labels[j] != 0 || prob[j] <= thresh) continue;
                    labels[j] = next;
                    stack.Push(j);
                }
            }
            if (pts.Count < 4) continue;
            var score = (float)(sum / pts.Count);
            if (score < boxThresh) continue;
            var rect = MinAreaRect(pts);
            if (Math.Min(rect.Width, rect.Height) < 3) continue;
            var grown = Unclip(rect, unclipRatio);
            if (Math.Min(grown.Width, grown.Height) < 5) continue;
            result.Add((grown, score));
        }
        return result;
    }

    /// <summary>pyclipper's offset of a rectangle by area × ratio / perimeter grows each side by that distance.</summary>
    private static RotatedBox Unclip(RotatedBox r, float ratio)
    {
        var area = r.Width * r.Height;
        var perimeter = 2 * (r.Width + r.Height);
        var d = area * ratio / perimeter;
        return r with { Width = r.Width + 2 * d, Height = r.Height + 2 * d };
    }

    /// <summary>Minimum-area rectangle of pixel squares via convex hull and rotating edges.</summary>
    internal static RotatedBox MinAreaRect(List<(int X, int Y)> pixels)
    {
        // Only each row's extreme pixels matter for the hull; their corners keep one-pixel-thin regions non-degenerate.
        var rows = new Dictionary<int, (int Min, int Max)>();
        foreach (var (x, y) in pixels)
            rows[y] = rows.TryGetValue(y, out var r) ? (Math.Min(r.Min, x), Math.Max(r.Max, x)) : (x, x);
        var points = new List<(double X, double Y)>(rows.Count * 4);
        foreach (var (y, (min, max)) in rows)
        {
            points.Add((min, y)); points.Add((min, y + 1)); points.Add((max + 1, y)); points.Add((max + 1, y + 1));
        }
        var hull = ConvexHull(points);
        double bestArea = double.MaxValue;
        RotatedBox best = default;
        for (var i = 0; i < hull.Count; i++)
        {
            var a = hull[i];
            var b = hull[(i + 1) % hull.Count];
            var angle = Math.Atan2(b.Y - a.Y, b.X - a.X);
            double c = Math.Cos(angle), s = Math.Sin(angle);
            double minU = double.MaxValue, maxU = double.MinValue, minV = double.MaxValue, maxV = double.MinValue;
            foreach (var p in hull)
            {
                var u = p.X * c + p.Y * s;
                var v = -p.X * s + p.Y * c;
                minU = Math.Min(minU, u); maxU = Math.Max(maxU, u); minV = Math.Min(minV, v); maxV = Math.Max(maxV, v);
            }
            var area = (maxU - minU) * (maxV - minV);
            if (area >= bestArea) continue;
            bestArea = area;
            double cu = (minU + maxU) / 2, cv = (minV + maxV) / 2;
            best = new RotatedBox((float)(cu * c - cv * s), (float)(cu * s + cv * c), (float)(maxU - minU), (float)(maxV - minV),
                (float)(angle * 180 / Math.PI));
        }
        return Canonical(best);
    }

    /// <summary>Width is the longer side for text lines; angle folded into (-45, 45] when the box is wider than tall.</summary>
    private static RotatedBox Canonical(RotatedBox r)
    {
        var angle = r.Angle;
        float w = r.Width, h = r.Height;
        while (angle > 45) { angle -= 90; (w, h) = (h, w); }
        while (angle <= -45) { angle += 90; (w, h) = (h, w); }
        return r with { Width = w, Height = h, Angle = angle };
    }

    private static List<(double X, double Y)> ConvexHull(List<(double X, double Y)> pts)
    {
        var sorted = pts.Distinct().OrderBy(p => p.X).ThenBy(p => p.Y).ToList();
        if (sorted.Count < 3) return sorted;
        var hull = new List<(double X, double Y)>();
        static double Cross((double X, double Y) o, (double X, double Y) a, (double X, double Y) b) =>
            (a.X - o.X) * (b.Y - o.Y) - (a.Y - o.Y) * (b.X - o.X);
        foreach (var p in sorted)
        {
            while (hull.Count >= 2 && Cross(hull[^2], hull[^1], p) <= 0) hull.RemoveAt(hull.Count - 1);
            hull.Add(p);
        }
        var lower = hull.Count + 1;
        for (var i = sorted.Count - 2; i >= 0; i--)
        {
            while (hull.Count >= lower && Cross(hull[^2], hull[^1], sorted[i]) <= 0) hull.RemoveAt(hull.Count - 1);
            hull.Add(sorted[i]);
        }
        hull.RemoveAt(hull.Count - 1);
        return hull;
    }
}
