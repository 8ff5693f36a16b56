using ExpenseFlow.Cli;

return args.FirstOrDefault() switch
{
    "recognize" => RecognizeCommand.Run(args[1..], Console.Out),
    "bench" => BenchCommand.Run(args[1..], Console.Out),
    "rescore" => RescoreCommand.Run(args[1..], Console.Out),
    "demo-activity" => await DemoActivityCommand.RunAsync(args[1..], Console.Out),
    _ => Usage.Print(),
};
