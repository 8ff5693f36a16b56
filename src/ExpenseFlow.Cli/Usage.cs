namespace ExpenseFlow.Cli;

internal static class Usage
{
    public const string Text = """
        usage:
          expenseflow recognize [--json] [--no-ocr] [--warm] [--threads N] FILE...
              read invoices and receipts (JPEG, PNG, WebP, BMP, PDF, OFD, e-invoice XML) offline;
              --json prints one JSON object per file per line; --warm readies the engine before the first file
              (as a host does at start-up); --threads: OCR threads per document (0 = one per core, the default).
          expenseflow bench [--parallel N] [--threads N] [--limit N] [--tesseract] [--out FILE] DIR...
              latency, throughput, memory and accuracy over folders of documents (sroie-dev layout: img/ + key/,
              or ofd/ with labels.jsonl), optionally side by side with Tesseract.
          expenseflow rescore RESULTS.jsonl DIR
              re-run field extraction over the textLines of saved `recognize --json` output and score it against DIR's labels.
        models: EXPENSEFLOW_MODELS_DIR, else <repo>/.tools/models (etc/scripts/fetch-models.sh fetches them)
        """;

    public static int Print()
    {
        Console.Error.WriteLine(Text);
        return 2;
    }
}
