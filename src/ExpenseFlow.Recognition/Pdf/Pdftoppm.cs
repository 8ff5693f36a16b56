using System.Diagnostics;
using ExpenseFlow.Recognition.Imaging;
using SkiaSharp;

namespace ExpenseFlow.Recognition.Pdf;

/// <summary>
/// A page rasterised by poppler's pdftoppm, as a child process that never outlives its budget: its output and error
/// streams are read as they come (a full pipe would block it forever), and at the timeout or cancellation the process
/// and its children are killed and waited for (no zombie is left).
/// </summary>
internal static class Pdftoppm
{
    public static readonly TimeSpan PageTimeout = TimeSpan.FromSeconds(30);

    /// <summary>Test hook: the id of each pdftoppm process as it starts.</summary>
    internal static event Action<int>? Started;

    public static SKBitmap Rasterise(byte[] pdf, int pageIndex, RecognitionOptions options, CancellationToken cancellationToken)
    {
        var dir = Directory.CreateTempSubdirectory("expenseflow-pdf-");
        try
        {
            var input = Path.Combine(dir.FullName, "in.pdf");
            File.WriteAllBytes(input, pdf);
            var page = (pageIndex + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
            var (exitCode, error) = Run("pdftoppm",
                ["-r", "200", "-f", page, "-l", page, "-png", "-singlefile", "-scale-to", "3000", input, Path.Combine(dir.FullName, "page")],
                PageTimeout, cancellationToken);
            var output = Path.Combine(dir.FullName, "page.png");
            if (exitCode != 0 || !File.Exists(output)) throw new RecognitionException(ErrorCodes.Corrupt, "pdftoppm failed: " + error);
            return ImageLoader.Decode(File.ReadAllBytes(output), options);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    /// <summary>Runs a program to its end, within the timeout and the token; returns its exit code and (the end of) its error output.</summary>
    internal static (int ExitCode, string Error) Run(string program, IEnumerable<string> arguments, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var psi = new ProcessStartInfo(program) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var a in arguments) psi.ArgumentList.Add(a);
        using var process = new Process { StartInfo = psi };
        var error = new System.Text.StringBuilder();
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is null) return;
            lock (error) if (error.Length < 4000) error.AppendLine(e.Data);
        };
        process.OutputDataReceived += (_, _) => { }; // drained and dropped
        try
        {
            if (!process.Start()) throw new RecognitionException(ErrorCodes.Unsupported, $"{program} could not start");
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            throw new RecognitionException(ErrorCodes.Unsupported, $"{program} (poppler-utils) is not installed: " + ex.Message);
        }
        Started?.Invoke(process.Id);
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();
        using var budget = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        budget.CancelAfter(timeout);
        try
        {
            process.WaitForExitAsync(budget.Token).GetAwaiter().GetResult();
        }
        catch (OperationCanceledException)
        {
            // Killed with its children, then reaped: WaitForExit after Kill collects the exit status, so no zombie remains.
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
            cancellationToken.ThrowIfCancellationRequested();
            throw new RecognitionException(ErrorCodes.Timeout, $"{program} took longer than {timeout.TotalSeconds:0} s");
        }
        process.WaitForExit(); // the redirected streams read to their end
        lock (error) return (process.ExitCode, error.ToString());
    }
}
