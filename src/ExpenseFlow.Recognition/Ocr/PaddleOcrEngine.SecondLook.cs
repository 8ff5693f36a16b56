using SkiaSharp;

namespace ExpenseFlow.Recognition.Ocr;

/// <summary>A second reading of the lines whose first reading fails the caller's check.</summary>
public sealed partial class PaddleOcrEngine
{
    /// <summary>
    /// Horizontal stretches of a second look. The recogniser emits one CTC step per 8 input pixels, so in a tightly set
    /// line a narrow character between two wide ones can share its steps with them and vanish ("Y1U" read "YU"); the same
    /// crop drawn wider gives it steps of its own. Measured on a tilted JPEG of a generated invoice: 1.2–1.6 restore the
    /// lost "1", 2.0 loses it again (the glyphs no longer look like the training data).
    /// </summary>
    private static readonly float[] SecondLookStretches = [1.25f, 1.5f];

    /// <summary>
    /// Reads again, widened, every crop whose reading the check fails, and keeps the first widened reading that passes
    /// (a reading that only fails differently is not taken). Returns how many lines were read again.
    /// </summary>
    private int SecondLook(List<SKBitmap> crops, (string Text, double Confidence)[] texts, ReadingCheck check, CancellationToken ct)
    {
        var doubtful = Enumerable.Range(0, crops.Count).Where(i => !string.IsNullOrWhiteSpace(texts[i].Text) && check(texts[i].Text) == false).ToList();
        if (doubtful.Count == 0) return 0;
        var widened = new List<SKBitmap>(doubtful.Count * SecondLookStretches.Length);
        try
        {
            foreach (var i in doubtful)
            foreach (var s in SecondLookStretches)
                widened.Add(Resize(crops[i], Math.Max(1, (int)Math.Round(crops[i].Width * s)), crops[i].Height));
            // One crop a batch: the few widened crops are read side by side on the cores instead of one after another.
            var again = RecognizeCrops(widened, ct, batchSize: 1);
            for (var k = 0; k < doubtful.Count; k++)
            {
                var passing = Enumerable.Range(0, SecondLookStretches.Length).Select(j => again[k * SecondLookStretches.Length + j])
                    .FirstOrDefault(r => check(r.Text) == true);
                if (Trace) Console.Error.WriteLine($"second look: '{texts[doubtful[k]].Text}' -> {(passing.Text is null ? "kept" : $"'{passing.Text}'")}");
                if (passing.Text is not null) texts[doubtful[k]] = passing;
            }
            return doubtful.Count;
        }
        finally
        {
            foreach (var w in widened) w.Dispose();
        }
    }
}
