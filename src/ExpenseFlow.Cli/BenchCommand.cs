namespace ExpenseFlow.Cli;

internal static class BenchCommand
{
    public static int Run(string[] args, TextWriter output)
    {
        output.WriteLine("bench: not built yet");
        return Usage.Print();
    }
}
