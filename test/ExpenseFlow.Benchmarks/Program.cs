using BenchmarkDotNet.Running;

// Micro-benchmarks of the recognition paths. The end-to-end dataset benchmark (latency percentiles, throughput,
// accuracy per field, Tesseract side by side) is the CLI's `bench` verb.
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
