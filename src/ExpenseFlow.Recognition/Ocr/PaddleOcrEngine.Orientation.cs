using Microsoft.ML.OnnxRuntime;
using SkiaSharp;

namespace ExpenseFlow.Recognition.Ocr;

/// <summary>Text direction: the 0°/180° classifier on a sample of lines, and the page's turn by their majority.</summary>
public sealed partial class PaddleOcrEngine
{
    /// <summary>Lines the classifier always sees: the most elongated crops, which carry the most text.</summary>
    private const int OrientationSampleSize = 12;

    private static int[] OrientationSample(List<SKBitmap> crops) =>
        Enumerable.Range(0, crops.Count)
            .OrderByDescending(i => (double)crops[i].Width / crops[i].Height).ThenBy(i => i)
            .Take(OrientationSampleSize).ToArray();

    /// <summary>Runs the direction classifier on the given crops; those it finds upside down are turned 180° in place.</summary>
    private void Classify(List<SKBitmap> crops, int[] indices, bool[] flipped, CancellationToken ct)
    {
        var batches = indices.Chunk(ClsBatch).ToArray();
        ForEachBatch(batches, batch =>
        {
            var data = new float[batch.Length * 3 * ClsHeight * ClsWidth];
            for (var k = 0; k < batch.Length; k++) FillLine(crops[batch[k]], data, k, ClsHeight, ClsWidth);
            using var value = OrtValue.CreateTensorValueFromMemory(data, [batch.Length, 3, ClsHeight, ClsWidth]);
            using var outputs = Run(_cls, value, ct);
            var probs = outputs[0].GetTensorDataAsSpan<float>();
            for (var k = 0; k < batch.Length; k++)
            {
                if (probs[k * 2 + 1] <= probs[k * 2] || probs[k * 2 + 1] < ClsThresh) continue;
                var i = batch[k];
                flipped[i] = true;
                var rotated = Rotate180(crops[i]);
                crops[i].Dispose();
                crops[i] = rotated; // each index is in one batch only
            }
        }, ct);
    }

    /// <summary>
    /// How the page is turned (0, 90 clockwise, 180, 270), by majority of the sampled lines that hold some text (crop at
    /// least 1.5 times as long as high): vertical crops were turned upright by 90° counter-clockwise, and the classifier
    /// says which of them were then upside down.
    /// </summary>
    private static int PageTurn(List<(RotatedBox Box, float Score)> boxes, List<SKBitmap> crops, int[] sample, bool[] flipped)
    {
        var votes = new int[4];
        foreach (var i in sample)
        {
            if (crops[i].Width < 1.5 * crops[i].Height) continue;
            var vertical = boxes[i].Box.Height >= 1.5 * boxes[i].Box.Width;
            votes[(vertical ? 1 : 0) + (flipped[i] ? 2 : 0)]++;
        }
        var best = Array.IndexOf(votes, votes.Max());
        return votes[best] <= votes[0] ? 0 : best * 90;
    }
}
