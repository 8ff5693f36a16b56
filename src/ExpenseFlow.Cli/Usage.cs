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
              or a folder with labels.jsonl: ofd/, cn-tickets-dev/, generated sets), optionally side by side with Tesseract.
          expenseflow rescore [--show] RESULTS.jsonl DIR
              re-run field extraction over the textLines of saved `recognize --json` output and score it against DIR's labels;
              --show prints each document's result (without its text lines).
          expenseflow demo-activity [--url http://127.0.0.1:5080] [--password P] [--rounds N]
              drive the demo company through a running host (claims submitted, some returned and resubmitted, approved,
              reviewed, batched, released, paid from a statement) so the KPIs and the ROI report have events to read;
              the password defaults to EXPENSEFLOW_DEMO_PASSWORD.
        models: EXPENSEFLOW_MODELS_DIR, else <repo>/.tools/models (etc/scripts/fetch-models.sh fetches them)
        """;

    public static int Print()
    {
        Console.Error.WriteLine(Text);
        return 2;
    }
}
