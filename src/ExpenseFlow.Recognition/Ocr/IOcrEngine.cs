using SkiaSharp;

namespace ExpenseFlow.Recognition.Ocr;

/// <summary>Text lines with boxes from page pixels. PaddleOcrEngine is the built-in one; another (e.g. a Windows adapter) can be passed to the engine.</summary>
public interface IOcrEngine
{
    /// <param name="image">The page.</param>
    /// <param name="check">
    /// Optional: what the caller knows of a valid reading (e.g. a tax ID's check character). An engine that can read a
    /// line again another way does so for lines the check fails, and keeps a second reading that passes.
    /// </param>
    /// <param name="cancellationToken">
    /// The document's budget: an engine stops its work when it is cancelled (between its steps at least) and throws
    /// <see cref="OperationCanceledException"/>, leaving no thread or process of its own running.
    /// </param>
    IReadOnlyList<TextLine> Recognize(SKBitmap image, ReadingCheck? check = null, CancellationToken cancellationToken = default);
}

/// <summary>A line's reading: false when it fails a check, true when it passes, null when there is nothing to check.</summary>
public delegate bool? ReadingCheck(string text);

public sealed class OcrModelsMissingException(string message) : Exception(message);
