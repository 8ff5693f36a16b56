namespace ExpenseFlow.Recognition.Ocr;

/// <summary>Where the PP-OCRv4 ONNX files are: an explicit folder, EXPENSEFLOW_MODELS_DIR, or &lt;repo&gt;/.tools/models above the app.</summary>
public sealed record PaddleOcrModels(string Detection, string Classifier, string Recognition, string Dictionary)
{
    public const string EnvironmentVariable = "EXPENSEFLOW_MODELS_DIR";
    public const string DetectionFile = "ch_PP-OCRv4_det_infer.onnx";
    public const string ClassifierFile = "ch_ppocr_mobile_v2.0_cls_infer.onnx";
    public const string RecognitionFile = "ch_PP-OCRv4_rec_infer.onnx";
    public const string DictionaryFile = "ppocr_keys_v1.txt";

    public static string? FindDirectory(string? explicitDirectory = null)
    {
        if (!string.IsNullOrWhiteSpace(explicitDirectory)) return explicitDirectory;
        var env = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(env)) return env;
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, ".tools", "models");
            if (Directory.Exists(candidate)) return candidate;
        }
        return null;
    }

    public static PaddleOcrModels Locate(string? explicitDirectory = null)
    {
        var dir = FindDirectory(explicitDirectory);
        var models = dir is null ? null : new PaddleOcrModels(Path.Combine(dir, DetectionFile), Path.Combine(dir, ClassifierFile),
            Path.Combine(dir, RecognitionFile), Path.Combine(dir, DictionaryFile));
        if (models is null || !File.Exists(models.Detection) || !File.Exists(models.Recognition) || !File.Exists(models.Classifier) || !File.Exists(models.Dictionary))
            throw new OcrModelsMissingException(
                $"PP-OCRv4 models not found (looked in {dir ?? "<none>"}; set {EnvironmentVariable} or run etc/scripts/fetch-models.sh)");
        return models;
    }
}
