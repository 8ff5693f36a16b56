using System.Diagnostics;
using System.Globalization;
using System.Xml;
using System.Xml.Schema;
using ExpenseFlow.Payments.Domain.BankFiles;
using ExpenseFlow.Payments.Tests.BankFiles;

namespace ExpenseFlow.Benchmarks;

/// <summary>
/// Issue 6 item 7, file parts: a 10,000-line pain.001 generated and validated against the official XSD (both versions),
/// and 50,000-entry camt.053 and MT940 statements generated on the fly and parsed. Run:
/// <c>dotnet run -c Release --project test/ExpenseFlow.Benchmarks -- bank [lines] [entries]</c>.
/// Time is wall clock of one run after a small warm-up; "allocated" is what the stage allocated on the managed heap;
/// peak working set is the process's, so it only grows from stage to stage.
/// </summary>
internal static class BankFilesScenario
{
    public static int Run(string[] args)
    {
        var lines = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 10_000;
        var entries = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 50_000;
        var xsdDir = FindIso20022();
        Console.WriteLine($"bank files: {Environment.ProcessorCount} cores, .NET {Environment.Version}, load: {File.ReadAllText("/proc/loadavg").Trim()}");

        foreach (var warm in new[] { true, false })
        {
            var n = warm ? 100 : lines;
            var m = warm ? 100 : entries;
            foreach (var version in new[] { Pain001Version.V09, Pain001Version.V03 })
            {
                var file = BankFileFixtures.Payments(n);
                var bytes = Measure(warm, $"pain.001 {version} generate {n} lines", () => new Pain001Writer(new Pain001Options { Version = version }).Write(file), b => $"{b.Length / 1024} KiB");
                if (xsdDir is null)
                {
                    if (!warm) Console.WriteLine("  XSD validation skipped: ../shared/data/iso20022 not found");
                    continue;
                }
                Measure(warm, $"pain.001 {version} XSD-validate", () => Validate(bytes, version, xsdDir), errors => $"{errors} schema errors");
            }

            foreach (var ns in new[] { Camt053Parser.V08, Camt053Parser.V02 })
            {
                var camt = BankFileFixtures.Camt053(m, ns);
                var label = ns == Camt053Parser.V08 ? "camt.053.001.08" : "camt.053.001.02";
                Measure(warm, $"{label} parse {m} entries ({camt.Length / (1024 * 1024)} MiB)", () => new Camt053Parser().Parse(camt), s => $"{s.Sum(x => x.Entries.Count)} entries, {s.Sum(x => x.Entries.Count(e => e.EndToEndId is not null))} with EndToEndId");
            }

            var mt940 = System.Text.Encoding.UTF8.GetBytes(BankFileFixtures.Mt940(m));
            Measure(warm, $"MT940 parse {m} entries ({mt940.Length / (1024 * 1024)} MiB)", () => new Mt940Parser().Parse(mt940), s => $"{s.Sum(x => x.Entries.Count)} entries, {s.Sum(x => x.Entries.Count(e => e.EndToEndId is not null))} with EndToEndId");
        }
        return 0;
    }

    private static T Measure<T>(bool warm, string what, Func<T> run, Func<T, string> describe)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var watch = Stopwatch.StartNew();
        var result = run();
        watch.Stop();
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
        if (!warm)
        {
            using var process = Process.GetCurrentProcess();
            Console.WriteLine($"  {what,-52} {watch.Elapsed.TotalMilliseconds,8:F0} ms  allocated {allocated / (1024.0 * 1024):F0} MiB  peak WS {process.PeakWorkingSet64 / (1024 * 1024)} MiB  ({describe(result)})");
        }
        return result;
    }

    private static int Validate(byte[] bytes, Pain001Version version, string xsdDir)
    {
        var schemas = new XmlSchemaSet();
        var xsd = Path.Combine(xsdDir, version == Pain001Version.V03 ? "pain.001.001.03.xsd" : "pain.001.001.09.xsd");
        using (var reader = XmlReader.Create(xsd)) schemas.Add(Pain001Writer.Namespace(version), reader);
        var errors = 0;
        var settings = new XmlReaderSettings { ValidationType = ValidationType.Schema, Schemas = schemas, DtdProcessing = DtdProcessing.Prohibit };
        settings.ValidationEventHandler += (_, _) => errors++;
        using var xml = XmlReader.Create(new MemoryStream(bytes), settings);
        while (xml.Read())
        {
        }
        return errors;
    }

    private static string? FindIso20022()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "..", "shared", "data", "iso20022");
            if (Directory.Exists(candidate)) return Path.GetFullPath(candidate);
        }
        return null;
    }
}
