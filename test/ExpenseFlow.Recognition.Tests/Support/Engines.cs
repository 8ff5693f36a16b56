using ExpenseFlow.Recognition.Ocr;

namespace ExpenseFlow.Recognition.Tests.Support;

/// <summary>One OCR engine per test run: the models load once, as in production.</summary>
public static class Engines
{
    private static readonly Lazy<RecognitionEngine> Ocr = new(() =>
    {
        // Fails with the message that names etc/scripts/fetch-models.sh when the models are missing.
        var models = PaddleOcrModels.Locate();
        // Default threads (one per core), as in production: the tests run documents two at a time through it.
        var engine = new RecognitionEngine(new RecognitionOptions(), new PaddleOcrEngine(models));
        return engine;
    });

    public static RecognitionEngine WithOcr => Ocr.Value;
}
