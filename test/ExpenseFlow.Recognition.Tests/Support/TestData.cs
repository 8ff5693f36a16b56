namespace ExpenseFlow.Recognition.Tests.Support;

/// <summary>Paths to the shared development data (read-only, beside the repository) and the engine shared by tests.</summary>
public static class TestData
{
    public static string SharedData
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "shared", "data");
                if (Directory.Exists(candidate)) return candidate;
            }
            throw new DirectoryNotFoundException("../shared/data (the team's development data) was not found above " + AppContext.BaseDirectory);
        }
    }

    public static string Ofd => Path.Combine(SharedData, "ofd");
    public static string Sroie => Path.Combine(SharedData, "sroie-dev");

    /// <summary>An engine without OCR: exact sources only, no models needed.</summary>
    public static RecognitionEngine ExactOnly() => new(new RecognitionOptions { EnableOcr = false });
}
