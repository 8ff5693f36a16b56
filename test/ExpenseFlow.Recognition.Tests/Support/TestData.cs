namespace ExpenseFlow.Recognition.Tests.Support;

/// <summary>Paths to the shared development data (tests using them are [SharedDataFact]s) and the engine shared by tests.</summary>
public static class TestData
{
    public static string Ofd => SharedData.Path("ofd");
    public static string Sroie => SharedData.Path("sroie-dev");

    /// <summary>An engine without OCR: exact sources only, no models needed.</summary>
    public static RecognitionEngine ExactOnly() => new(new RecognitionOptions { EnableOcr = false });
}
