using BenchmarkDotNet.Running;

// Micro-benchmarks of the recognition paths. The end-to-end dataset benchmark (latency percentiles, throughput,
// accuracy per field, Tesseract side by side) is the CLI's `bench` verb.
// `-- bank [lines] [entries]` runs the bank-file scenario (pain.001 generate + XSD-validate, camt.053/MT940 parse).
if (args.FirstOrDefault() == "bank") return ExpenseFlow.Benchmarks.BankFilesScenario.Run(args[1..]);
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
return 0;
