using System.Diagnostics;
using System.Globalization;
using ExpenseFlow.Recognition;
using ExpenseFlow.Recognition.Ocr;
using SkiaSharp;

namespace ExpenseFlow.Cli;

/// <summary>Tesseract 5 (Debian tesseract-ocr) as a process, for the side-by-side benchmark: TSV words grouped into lines.</summary>
internal sealed class TesseractOcr(string languages = "chi_sim+eng") : IOcrEngine
{
    public IReadOnlyList<TextLine> Recognize(SKBitmap image, ReadingCheck? check = null, CancellationToken cancellationToken = default)
    {
        var file = Path.Combine(Path.GetTempPath(), $"ef-tess-{Guid.NewGuid():N}.png");
        try
        {
            using (var data = image.Encode(SKEncodedImageFormat.Png, 100)) File.WriteAllBytes(file, data.ToArray());
            var psi = new ProcessStartInfo("tesseract") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            foreach (var a in new[] { file, "stdout", "-l", languages, "--psm", "3", "tsv" }) psi.ArgumentList.Add(a);
            using var p = Process.Start(psi)!;
            p.ErrorDataReceived += (_, _) => { }; // drained: a full error pipe would block the process
            p.BeginErrorReadLine();
            using (cancellationToken.Register(() => p.Kill(entireProcessTree: true)))
            {
                var tsv = p.StandardOutput.ReadToEnd();
                p.WaitForExit();
                cancellationToken.ThrowIfCancellationRequested();
                return Lines(tsv);
            }
        }
        finally
        {
            File.Delete(file);
        }
    }

    private static List<TextLine> Lines(string tsv)
    {
        var words = new List<(string Key, string Text, float L, float T, float W, float H, double Conf)>();
        foreach (var row in tsv.Split('\n').Skip(1))
        {
            var c = row.Split('\t');
            if (c.Length < 12 || c[0] != "5" || string.IsNullOrWhiteSpace(c[11])) continue;
            var f = c.Select(v => float.TryParse(v, NumberStyles.Float, CultureInfo.InvariantCulture, out var x) ? x : 0).ToArray();
            words.Add(($"{c[1]}.{c[2]}.{c[3]}.{c[4]}", c[11], f[6], f[7], f[8], f[9], Math.Max(0, f[10]) / 100));
        }
        return words.GroupBy(w => w.Key).Select(g =>
        {
            var l = g.Min(w => w.L); var t = g.Min(w => w.T);
            var r = g.Max(w => w.L + w.W); var b = g.Max(w => w.T + w.H);
            // chi_sim puts spaces between CJK characters; keep them only between Latin words.
            var text = string.Join(" ", g.Select(w => w.Text));
            return new TextLine(text, g.Average(w => w.Conf), l, t, r - l, b - t);
        }).OrderBy(x => x.CenterY).ThenBy(x => x.X).ToList();
    }
}
