using ExpenseFlow.Recognition.Ocr;

namespace ExpenseFlow.Recognition.Tests.Support;

/// <summary>One OCR engine per test run: the models load once, as in production.</summary>
public static class Engines
{
    // Fails with the message that names etc/scripts/fetch-models.sh when the models are missing.
    private static readonly Lazy<PaddleOcrEngine> Models = new(() => new PaddleOcrEngine(PaddleOcrModels.Locate()));

    // Default threads (one per core), as in production: the tests run documents two at a time through it.
    private static readonly Lazy<RecognitionEngine> Ocr = new(() => new RecognitionEngine(new RecognitionOptions(), Models.Value));

    public static RecognitionEngine WithOcr => Ocr.Value;

    /// <summary>The loaded OCR models, for an engine with options of its own (the caller does not dispose them).</summary>
    public static PaddleOcrEngine Paddle => Models.Value;
}
