using SkiaSharp;

namespace ExpenseFlow.Recognition.Ocr;

/// <summary>Text lines with boxes from page pixels. PaddleOcrEngine is the built-in one; another (e.g. a Windows adapter) can be passed to the engine.</summary>
public interface IOcrEngine
{
    IReadOnlyList<TextLine> Recognize(SKBitmap image);
}

public sealed class OcrModelsMissingException(string message) : Exception(message);
