using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using ExpenseFlow.TestBase;

namespace ExpenseFlow.Benchmarks.Load;

/// <summary>
/// The host's memory after recognising real receipts as production does: employees upload the photos, the host's own
/// Hangfire workers read them. Reports the process's working set (now and peak) and managed heap before and after, and
/// the recognition throughput. The load client lives in the same process; its share is a few MiB of HTTP buffers.
/// </summary>
internal static class RecognitionScenario
{
    public static async Task RunAsync(LoadHost host, int documents, TimeSpan timeLimit)
    {
        var photos = new[] { "sroie-dev", "sroie-more" }.Select(SharedData.Folder).OfType<string>()
            .SelectMany(f => Directory.EnumerateFiles(Path.Combine(f, "img")).Order(StringComparer.Ordinal)).Take(documents).ToList();
        if (photos.Count == 0)
        {
            Console.WriteLine($"recognition: skipped, {SharedData.MissingMessage("sroie-dev")}");
            return;
        }

        var process = Process.GetCurrentProcess();
        process.Refresh();
        Console.WriteLine($"recognition: before, working set {Mib(process.WorkingSet64)} MiB, managed heap {Mib(GC.GetTotalMemory(false))} MiB");
        using var client = await host.ClientAsync("sales1");
        var watch = Stopwatch.StartNew();
        var ids = new List<Guid>();
        foreach (var photo in photos)
        {
            using var form = new MultipartFormDataContent();
            var content = new ByteArrayContent(await File.ReadAllBytesAsync(photo));
            content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            form.Add(content, "files", Path.GetFileName(photo));
            var response = await client.PostAsync("/api/expenses/receipts", form);
            response.EnsureSuccessStatusCode();
            using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            ids.AddRange(json.RootElement.EnumerateArray().Select(r => r.GetProperty("id").GetGuid()));
        }

        var pending = new HashSet<Guid>(ids);
        var failed = 0;
        while (pending.Count > 0 && watch.Elapsed < timeLimit)
        {
            await Task.Delay(500);
            foreach (var id in pending.ToList())
            {
                var receipt = await client.GetFromJsonAsync<JsonElement>($"/api/expenses/receipts/{id}");
                var status = receipt.GetProperty("status").GetString();
                if (status is "Succeeded" or "Failed")
                {
                    pending.Remove(id);
                    failed += status == "Failed" ? 1 : 0;
                }
            }
        }

        var elapsed = watch.Elapsed;
        process.Refresh();
        Console.WriteLine($"recognition: {ids.Count - pending.Count} of {ids.Count} read ({failed} failed) in {elapsed.TotalSeconds:F1} s " +
                          $"({(ids.Count - pending.Count) / elapsed.TotalSeconds:F2} docs/s); working set {Mib(process.WorkingSet64)} MiB, " +
                          $"peak {Mib(process.PeakWorkingSet64)} MiB, managed heap {Mib(GC.GetTotalMemory(false))} MiB; MALLOC_ARENA_MAX={Environment.GetEnvironmentVariable("MALLOC_ARENA_MAX") ?? "(unset)"}");
    }

    private static long Mib(long bytes) => bytes / (1024 * 1024);
}
