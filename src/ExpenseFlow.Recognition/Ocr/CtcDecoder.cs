using System.Text;

namespace ExpenseFlow.Recognition.Ocr;

/// <summary>CTC greedy decoding: best class per step, repeats merged, blanks (class 0) dropped; confidence = mean kept probability.</summary>
internal static class CtcDecoder
{
    public static (string Text, double Confidence) Greedy(ReadOnlySpan<float> probs, int steps, int classes, string[] chars)
    {
        var sb = new StringBuilder();
        double sum = 0;
        var kept = 0;
        var previous = -1;
        for (var t = 0; t < steps; t++)
        {
            var row = probs.Slice(t * classes, classes);
            var best = 0;
            for (var k = 1; k < classes; k++) if (row[k] > row[best]) best = k;
            if (best != 0 && best != previous && best < chars.Length)
            {
                sb.Append(chars[best]);
                sum += row[best];
                kept++;
            }
            previous = best;
        }
        return (sb.ToString(), kept == 0 ? 0 : sum / kept);
    }
}
